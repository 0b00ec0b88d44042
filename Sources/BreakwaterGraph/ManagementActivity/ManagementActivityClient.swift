public import BreakwaterModel
import Foundation
import NIOHTTP1

/// The Office 365 Management Activity API of one tenant: subscriptions, content lists and
/// content blobs.
///
/// Every request carries `PublisherIdentifier` (the publisher's own tenant GUID, so that the
/// requests count against the publisher's quota rather than the shared one), goes through the
/// transport's per-tenant rate limiter, and is retried on transport failures, throttling
/// (AF429 with any status, HTTP 429 and 503) and server errors. Refusals arrive as
/// ``ManagementAPIError``, whose ``ManagementAPIError/classification`` says what to do.
///
/// ```swift
/// let feed = ManagementActivityClient(transport: transport, endpoints: .commercial,
///                                     credentials: credentials, publisherIdentifier: mspTenant)
/// _ = try await feed.startSubscription(.exchange)
/// for item in try await feed.listContent(.exchange, in: window) {
///     let blob = try await feed.downloadContent(item, into: spoolDirectory)
///     defer { try? FileManager.default.removeItem(at: blob.file) }
///     … decode blob.file with BreakwaterIngest …
/// }
/// ```
public struct ManagementActivityClient: Sendable {
    /// The shared transport.
    public let transport: MicrosoftTransport
    /// The cloud's hosts and the token resource.
    public let endpoints: CloudEndpoints
    /// The tenant and how Breakwater signs in to it.
    public let credentials: TenantCredentials
    /// The publisher's tenant GUID, sent as `PublisherIdentifier` on every call.
    public let publisherIdentifier: TenantID

    /// - Parameters: see the properties.
    public init(transport: MicrosoftTransport, endpoints: CloudEndpoints, credentials: TenantCredentials, publisherIdentifier: TenantID) {
        self.transport = transport
        self.endpoints = endpoints
        self.credentials = credentials
        self.publisherIdentifier = publisherIdentifier
    }

    // MARK: - Subscriptions

    /// Starts (or confirms) the subscription to `contentType`.
    ///
    /// An already enabled subscription answers HTTP 400 with AF20024; that is success, and the
    /// subscription is returned as enabled. Microsoft asks that start is not called again within
    /// 15 minutes; call it once per feed, and again on AF20022/AF20023.
    ///
    /// - Returns: the subscription; check ``Subscription/isEnabled``.
    /// - Throws: ``ManagementAPIError``, ``AuthenticationError`` or ``TransportError``.
    public func startSubscription(_ contentType: ContentType) async throws -> Subscription {
        let url = feedURL("subscriptions/start", [("contentType", contentType.rawValue)])
        return try await send(OutgoingRequest(.POST, url)) { response in
            if response.status == 200 {
                return try MicrosoftJSON.decode(Subscription.self, from: response.body, what: "the started subscription")
            }
            let refusal = error(in: response)
            guard refusal.code.uppercased() == "AF20024" else { throw refusal }
            return Subscription(contentType: contentType, status: "enabled")
        }
    }

    /// The tenant's subscriptions, one per feed ever started.
    ///
    /// - Throws: ``ManagementAPIError``, ``AuthenticationError`` or ``TransportError``.
    public func listSubscriptions() async throws -> [Subscription] {
        try await send(OutgoingRequest(.GET, feedURL("subscriptions/list"))) { response in
            guard response.status == 200 else { throw error(in: response) }
            return try MicrosoftJSON.decode([Subscription].self, from: response.body, what: "the subscription list")
        }
    }

    // MARK: - Requests

    /// `{base}/api/v1.0/{tenant}/activity/feed/{operation}?{items}&PublisherIdentifier={publisher}`.
    func feedURL(_ operation: String, _ items: [(String, String)] = []) -> String {
        URLText.join(
            endpoints.managementAPI, "/api/v1.0/\(credentials.tenant)/activity/feed/\(operation)",
            query: items + [("PublisherIdentifier", "\(publisherIdentifier)")])
    }

    /// `url` with `PublisherIdentifier` appended unless it already has one.
    func withPublisher(_ url: String) -> String {
        URLText.appendingIfMissing(url, name: "PublisherIdentifier", value: "\(publisherIdentifier)")
    }

    func send<Value: Sendable>(_ request: OutgoingRequest, interpret: (ReceivedResponse) throws -> Value) async throws -> Value {
        try await transport.send(
            request, as: credentials, resource: endpoints.managementResource, trusting: endpoints.managementAPI, interpret: interpret)
    }

    /// The API's error in a response that is not a success.
    func error(in response: ReceivedResponse) -> ManagementAPIError {
        let retryAfter = RetryAfter.delay(in: response.headers, now: transport.clock.now)
        if let body = try? JSONValue(parsing: response.body), let error = body["error"] {
            return ManagementAPIError(
                code: error["code"]?.scalarText ?? "", httpStatus: response.status, message: error["message"]?.scalarText ?? "",
                retryAfter: retryAfter)
        }
        let text = String(decoding: response.body.prefix(512), as: UTF8.self)
        return ManagementAPIError(code: "", httpStatus: response.status, message: text, retryAfter: retryAfter)
    }
}
