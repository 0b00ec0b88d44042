public import AsyncHTTPClient
import BreakwaterModel
public import Foundation
public import Logging
import NIOCore
import NIOHTTP1

/// Access tokens from Microsoft Entra by the OAuth 2.0 client-credentials flow, cached per
/// (tenant, application, resource).
///
/// One provider serves every tenant of the process. A cached token is returned until less than
/// ``TokenProviderConfiguration/refreshMargin`` of it is left; then one request fetches the next
/// and every concurrent caller for the same key waits for that one request. If the refresh fails
/// while the old token still has a minute left, the old token is returned.
///
/// ```swift
/// let tokens = TokenProvider(httpClient: http, authority: CloudEndpoints.commercial.authority, logger: logger)
/// let token = try await tokens.accessToken(for: credentials, resource: "https://manage.office.com")
/// ```
///
/// The provider does not retry: a transient ``AuthenticationError`` or a ``TransportError``
/// reaches the caller, whose request retries decide.
public actor TokenProvider {
    private struct Key: Hashable {
        var tenant: TenantID
        var clientID: String
        var resource: String
    }

    private let httpClient: HTTPClient
    private let authority: URL
    private let configuration: TokenProviderConfiguration
    private let clock: any TransportClock
    private let logger: Logger
    private var cache: [Key: AccessToken] = [:]
    private var inFlight: [Key: Task<AccessToken, any Error>] = [:]
    /// How many callers joined a request already in flight instead of sending their own; lets
    /// tests see that concurrent callers really shared one request.
    private(set) var joinedRequests = 0

    /// - Parameters:
    ///   - httpClient: the client to send token requests with; the caller shuts it down.
    ///   - authority: the sign-in authority (``CloudEndpoints/authority``).
    ///   - configuration: refresh margin, assertion lifetime, timeout.
    ///   - clock: the clock that decides expiry and stamps assertions.
    ///   - logger: where token requests are logged (never the token or the secret).
    public init(
        httpClient: HTTPClient, authority: URL, configuration: TokenProviderConfiguration = .default,
        clock: any TransportClock = SystemTransportClock(), logger: Logger
    ) {
        self.httpClient = httpClient
        self.authority = authority
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// A valid token of `credentials`' tenant for `resource`, from the cache or from Entra.
    ///
    /// - Parameters:
    ///   - credentials: the tenant, application and secret or certificate.
    ///   - resource: the API the token is for, such as ``CloudEndpoints/managementResource``;
    ///     the scope asked for is `{resource}/.default`.
    /// - Throws: ``AuthenticationError`` when Entra refuses (with the AADSTS code and what to do),
    ///   ``TransportError`` when it cannot be reached.
    public func accessToken(for credentials: TenantCredentials, resource: String) async throws -> AccessToken {
        let key = Key(tenant: credentials.tenant, clientID: credentials.clientID, resource: resource)
        let cached = cache[key]
        if let cached, cached.expiresAt.timeIntervalSince(clock.now) > configuration.refreshMargin.seconds {
            return cached
        }
        if let running = inFlight[key] {
            joinedRequests += 1
            return try await running.value
        }
        let request = Task { try await self.fetch(credentials, resource: resource, replacing: cached) }
        inFlight[key] = request
        defer { inFlight[key] = nil }
        let token = try await request.value
        cache[key] = token
        return token
    }

    /// Forgets `token` if it is still the cached one, so that the next call fetches a new token.
    /// Call it when an API answered HTTP 401 to the token.
    public func invalidate(_ token: AccessToken, for credentials: TenantCredentials) {
        let key = Key(tenant: credentials.tenant, clientID: credentials.clientID, resource: token.resource)
        if cache[key] == token { cache[key] = nil }
    }

    /// Asks Entra for a token; falls back to `previous` when that fails and `previous` still has
    /// more than a minute to live.
    private func fetch(_ credentials: TenantCredentials, resource: String, replacing previous: AccessToken?) async throws -> AccessToken {
        do {
            return try await requestToken(credentials, resource: resource)
        } catch {
            if let previous, previous.expiresAt.timeIntervalSince(clock.now) > 60 {
                logger.info(
                    "Token refresh failed; using the current token until it nears expiry",
                    metadata: ["tenant.id": "\(credentials.tenant)", "error.code": "\(error)"])
                return previous
            }
            throw error
        }
    }

    private func requestToken(_ credentials: TenantCredentials, resource: String) async throws -> AccessToken {
        let url = URLText.join(authority, "/\(credentials.tenant)/oauth2/v2.0/token")
        var form: [(String, String)] = [
            ("client_id", credentials.clientID), ("scope", Self.scope(for: resource)), ("grant_type", "client_credentials"),
        ]
        switch credentials.proof {
        case .secret(let secret):
            form.append(("client_secret", secret.value))
        case .certificate(let certificate):
            let assertion = try ClientAssertion.make(
                certificate: certificate, clientID: credentials.clientID, audience: url, now: clock.now,
                lifetime: configuration.assertionLifetime)
            form.append(("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
            form.append(("client_assertion", assertion))
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: URLText.query(form)))
        let requestedAt = clock.now
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await httpClient.execute(request, timeout: .nanoseconds(Int64(configuration.requestTimeout.seconds * 1e9)))
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw TransportError(code: .connectionFailed, message: "the token endpoint \(url) could not be reached", underlying: error)
        }
        let status = Int(response.status.code)
        switch TokenResponse(json: Array(body.readableBytesView)) {
        case .token(let value, let expiresIn) where status == 200:
            logger.debug("Token issued", metadata: ["tenant.id": "\(credentials.tenant)", "token.resource": "\(resource)"])
            return AccessToken(value: value, resource: resource, expiresAt: requestedAt.addingTimeInterval(expiresIn))
        case .error(let oauthError, let aadstsCode, let traceID, let correlationID):
            throw AuthenticationError.explaining(
                aadstsCode: aadstsCode, oauthError: oauthError, httpStatus: status, tenant: credentials.tenant,
                clientID: credentials.clientID, traceID: traceID, correlationID: correlationID)
        case .token, nil:
            if status >= 500 || status == 429 {
                throw AuthenticationError.explaining(
                    aadstsCode: nil, oauthError: nil, httpStatus: status, tenant: credentials.tenant, clientID: credentials.clientID,
                    traceID: nil, correlationID: nil)
            }
            throw AuthenticationError(
                code: .malformedResponse, httpStatus: status, tenant: credentials.tenant, clientID: credentials.clientID,
                explanation: "The token endpoint answered HTTP \(status) without a token or an OAuth error; check the authority URL.")
        }
    }

    /// `{resource}/.default`.
    static func scope(for resource: String) -> String {
        (resource.hasSuffix("/") ? String(resource.dropLast()) : resource) + "/.default"
    }
}
