import Foundation
import BreakwaterModel
import NIOHTTP1

/// Microsoft Graph for one tenant: sign-in logs, users, inbox rules, MFA registration, and the
/// remediation calls (revoke sessions, block sign-in, reset the password, delete a rule).
///
/// Requests go through the shared ``MicrosoftTransport``: the tenant's rate limiter, retries
/// on 429/5xx/transport failures honouring `Retry-After` (decimal seconds allowed), and one
/// token renewal on 401. Refusals arrive as ``GraphError``; branch on its ``GraphError/kind``.
///
/// ```swift
/// let graph = GraphClient(transport: transport, endpoints: .commercial, credentials: credentials)
/// var page: GraphPage<GraphSignIn>? = try await graph.signInPage(createdIn: window)
/// while let current = page {
///     for signIn in current.elements { … signIn.json … }
///     page = try await graph.nextPage(after: current)
/// }
/// ```
public struct GraphClient: Sendable {
    /// The shared transport.
    public let transport: MicrosoftTransport
    /// The cloud's hosts and the token resource.
    public let endpoints: CloudEndpoints
    /// The tenant and how Breakwater signs in to it.
    public let credentials: TenantCredentials

    /// - Parameters: see the properties.
    public init(transport: MicrosoftTransport, endpoints: CloudEndpoints, credentials: TenantCredentials) {
        self.transport = transport
        self.endpoints = endpoints
        self.credentials = credentials
    }

    /// The page after `page`, following its `@odata.nextLink` verbatim; `nil` after the last.
    ///
    /// - Throws: ``GraphError``, ``AuthenticationError`` or ``TransportError``.
    public func nextPage<Element>(after page: GraphPage<Element>) async throws -> GraphPage<Element>? {
        guard let nextLink = page.nextLink else { return nil }
        return try await self.page(at: nextLink)
    }

    // MARK: - Requests

    /// `{graph}/{version}{path}?{query}`.
    func url(_ version: GraphAPIVersion, _ path: String, query: [(String, String)] = []) -> String {
        URLText.join(endpoints.graph, "/\(version.rawValue)\(path)", query: query)
    }

    /// `user` (an object id or a UPN) as one path segment.
    func userSegment(_ user: String) -> String {
        URLText.encode(user, keeping: "@")
    }

    func page<Element>(at url: String) async throws -> GraphPage<Element> {
        try await send(OutgoingRequest(.GET, url)) { response in
            guard response.status == 200 else { throw error(in: response) }
            return try GraphPage<Element>(json: response.body)
        }
    }

    func send<Value: Sendable>(_ request: OutgoingRequest, interpret: (ReceivedResponse) throws -> Value) async throws -> Value {
        try await transport.send(request, as: credentials, resource: endpoints.graphResource, trusting: endpoints.graph, interpret: interpret)
    }

    /// Graph's error in a response that is not a success.
    func error(in response: ReceivedResponse) -> GraphError {
        let retryAfter = RetryAfter.delay(in: response.headers, now: transport.clock.now)
        guard let body = try? JSONValue(parsing: response.body), let error = body["error"] else {
            return GraphError(
                code: GraphError.Code(rawValue: ""), httpStatus: response.status, message: String(decoding: response.body.prefix(512), as: UTF8.self),
                requestID: response.headers.first(name: "request-id"), retryAfter: retryAfter)
        }
        let inner = error["innerError"] ?? error["innererror"]
        return GraphError(
            code: GraphError.Code(rawValue: error["code"]?.scalarText ?? ""), httpStatus: response.status,
            message: error["message"]?.scalarText ?? "", requestID: inner?["request-id"]?.scalarText ?? response.headers.first(name: "request-id"),
            retryAfter: retryAfter)
    }
}
