/// A tenant's subscription to one feed.
public struct Subscription: Hashable, Sendable, Decodable {
    /// A webhook the API pushes notifications to.
    public struct Webhook: Hashable, Sendable, Decodable {
        /// `enabled`, `disabled` or `expired`.
        public var status: String?
        /// The HTTPS address notified.
        public var address: String?
        /// The `Webhook-AuthID` header value sent with notifications.
        public var authId: String?
        /// When the webhook expires.
        public var expiration: String?
    }

    /// The feed.
    public var contentType: ContentType
    /// `enabled` or `disabled`.
    public var status: String
    /// The webhook, if one is registered.
    public var webhook: Webhook?

    /// - Parameters: see the properties.
    public init(contentType: ContentType, status: String, webhook: Webhook? = nil) {
        self.contentType = contentType
        self.status = status
        self.webhook = webhook
    }

    /// Whether content can be listed.
    public var isEnabled: Bool { status.lowercased() == "enabled" }
}
