public import AsyncHTTPClient
import BreakwaterModel
import Foundation
public import Logging
import NIOCore
import NIOHTTP1

/// The machinery every Microsoft client shares: the HTTP client, the token provider, the
/// per-tenant rate limiter, the retry policy and the clock.
///
/// Make one for the process and give it to every ``ManagementActivityClient`` and
/// ``GraphClient``; the clients themselves are cheap values, one per tenant.
///
/// ```swift
/// let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: MicrosoftTransport.httpClientConfiguration())
/// let transport = MicrosoftTransport(httpClient: http, endpoints: .commercial, logger: logger)
/// let feed = ManagementActivityClient(transport: transport, endpoints: .commercial, credentials: credentials,
///                                     publisherIdentifier: mspTenant)
/// …
/// try await http.shutdown()
/// ```
///
/// - important: The transport does not own the `HTTPClient`: whoever made it shuts it down
///   (`try await http.shutdown()`) after the last request, or uses `HTTPClient.shared`.
public struct MicrosoftTransport: Sendable {
    /// The HTTP client requests go through.
    public let httpClient: HTTPClient
    /// Where access tokens come from.
    public let tokens: TokenProvider
    /// The per-tenant request budget.
    public let rateLimiter: RequestRateLimiter
    /// Retries, timeouts and size limits.
    public let configuration: TransportConfiguration
    /// The clock every delay goes through.
    public let clock: any TransportClock
    /// Where retries and failures are logged (ids and codes only, never tokens or secrets).
    public let logger: Logger

    /// - Parameters: see the properties.
    public init(
        httpClient: HTTPClient, tokens: TokenProvider, rateLimiter: RequestRateLimiter, configuration: TransportConfiguration = .default,
        clock: any TransportClock = SystemTransportClock(), logger: Logger
    ) {
        self.httpClient = httpClient
        self.tokens = tokens
        self.rateLimiter = rateLimiter
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// A transport with its own token provider for `endpoints`' authority and its own limiter.
    ///
    /// - Parameters:
    ///   - httpClient: the HTTP client; the caller shuts it down.
    ///   - endpoints: the cloud whose authority issues the tokens.
    ///   - rateLimit: each tenant's request budget.
    ///   - configuration: retries, timeouts and size limits.
    ///   - clock: the clock every delay goes through.
    ///   - logger: where retries and failures are logged.
    public init(
        httpClient: HTTPClient, endpoints: CloudEndpoints, rateLimit: RequestRateLimit = .default, configuration: TransportConfiguration = .default,
        clock: any TransportClock = SystemTransportClock(), logger: Logger
    ) {
        self.init(
            httpClient: httpClient, tokens: TokenProvider(httpClient: httpClient, authority: endpoints.authority, clock: clock, logger: logger),
            rateLimiter: RequestRateLimiter(limit: rateLimit, clock: clock), configuration: configuration, clock: clock, logger: logger)
    }

    /// An `HTTPClient` configuration suited to Microsoft's APIs: no redirects followed (a
    /// redirect must not carry a bearer token elsewhere), a 10 s connect and 60 s read timeout.
    ///
    /// The read timeout is what ends a blob download that stalls mid-body: the transport's own
    /// ``TransportConfiguration/requestTimeout`` covers only the wait for the response head.
    public static func httpClientConfiguration() -> HTTPClient.Configuration {
        HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)))
    }

    // MARK: - Requests

    /// Sends `request` as `credentials`' tenant, retrying as the policy allows, and returns what
    /// `interpret` makes of the response.
    ///
    /// `interpret` throws the API's own error for a response it does not accept; that error's
    /// ``RetryAdvising/retryAdvice`` decides whether the request is repeated.
    func send<Value: Sendable>(
        _ request: OutgoingRequest, as credentials: TenantCredentials, resource: String, trusting base: URL,
        interpret: (ReceivedResponse) throws -> Value
    ) async throws -> Value {
        try await withRetries(request, tenant: credentials.tenant) {
            try checkTrusted(request.url, base: base)
            let token = try await tokens.accessToken(for: credentials, resource: resource)
            try await rateLimiter.acquire(for: credentials.tenant)
            let response = try await execute(request, bearer: token.value, maximumBytes: configuration.maximumResponseBytes)
            return try await interpreting(response, token: token, credentials: credentials, interpret)
        }
    }

    /// Runs `interpret`, and drops `token` from the cache when the API refused it.
    func interpreting<Value>(
        _ response: ReceivedResponse, token: AccessToken, credentials: TenantCredentials, _ interpret: (ReceivedResponse) throws -> Value
    ) async throws -> Value {
        do {
            return try interpret(response)
        } catch let error as any RetryAdvising where error.retryAdvice == .renewTokenAndRetry {
            await tokens.invalidate(token, for: credentials)
            throw error
        }
    }

    /// Refuses to send credentials to a URL that is not on `base`'s host (or is plain HTTP
    /// beyond loopback).
    func checkTrusted(_ url: String, base: URL) throws {
        guard URLText.isTrusted(url, for: base) else {
            throw TransportError(
                code: .untrustedURL,
                message: "refusing to send credentials to \(url): it is not on \(base.absoluteString), or it is plain HTTP beyond loopback")
        }
    }

    /// Repeats `attempt` while its error advises it and the policy allows.
    func withRetries<Value>(_ request: OutgoingRequest, tenant: TenantID, _ attempt: () async throws -> Value) async throws -> Value {
        let policy = configuration.retry
        var failures = 0
        var renewedToken = false
        while true {
            do {
                return try await attempt()
            } catch {
                if Task.isCancelled { throw CancellationError() }
                failures += 1
                let delay: Duration
                switch (error as? any RetryAdvising)?.retryAdvice ?? .stop {
                case .stop:
                    throw error
                case .renewTokenAndRetry:
                    guard !renewedToken else { throw error }
                    renewedToken = true
                    delay = .zero
                case .retry(let retryAfter):
                    guard failures < policy.maximumAttempts else { throw error }
                    if let retryAfter {
                        guard retryAfter <= policy.maximumRetryAfter else { throw error }
                        delay = retryAfter
                    } else {
                        delay = policy.backoff(afterFailure: failures, random: Double.random(in: 0..<1))
                    }
                }
                logger.debug(
                    "Microsoft request retried",
                    metadata: [
                        "tenant.id": "\(tenant)", "http.method": "\(request.method)", "retry.attempt": "\(failures + 1)",
                        "retry.delay": "\(delay)", "error.code": "\(error)",
                    ])
                if delay > .zero { try await clock.sleep(for: delay) }
            }
        }
    }

    /// Sends one request and reads its whole body.
    func execute(_ request: OutgoingRequest, bearer: String, maximumBytes: Int) async throws -> ReceivedResponse {
        let response = try await head(request, bearer: bearer)
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: maximumBytes)
        } catch is NIOTooManyBytesError {
            throw TransportError(code: .responseTooLarge, message: "the response to \(request.method) \(request.url) is over \(maximumBytes) bytes")
        } catch {
            throw TransportError(code: .truncatedBody, message: "the connection ended inside the response to \(request.url)", underlying: error)
        }
        if let announced = response.headers.first(name: "content-length").flatMap(Int.init), announced != buffer.readableBytes {
            throw TransportError(
                code: .truncatedBody, message: "the response to \(request.url) has \(buffer.readableBytes) of its \(announced) bytes")
        }
        return ReceivedResponse(status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// Sends one request and returns when the response head has arrived.
    func head(_ request: OutgoingRequest, bearer: String) async throws -> HTTPClientResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method
        for (name, value) in request.headers {
            outgoing.headers.add(name: name, value: value)
        }
        outgoing.headers.add(name: "Authorization", value: "Bearer \(bearer)")
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            return try await httpClient.execute(outgoing, timeout: .nanoseconds(Int64(configuration.requestTimeout.seconds * 1e9)))
        } catch {
            throw TransportError(code: .connectionFailed, message: "\(request.method) \(request.url) failed before a response arrived", underlying: error)
        }
    }
}
