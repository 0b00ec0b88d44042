public import BreakwaterModel

/// Content that could not be read before Microsoft stopped serving it: recorded, never
/// skipped silently, so that an operator knows which hours of which feed are missing.
public struct CollectionGap: Sendable, Hashable {
    public var tenant: TenantID
    public var stream: CollectionStream
    /// The missing period (for an expired blob: its creation time, an instant).
    public var start: Timestamp
    public var end: Timestamp
    /// The content that expired, when one blob is what is missing.
    public var contentID: String?
    /// Why, for a person.
    public var reason: String
    public var detectedAt: Timestamp

    public init(
        tenant: TenantID, stream: CollectionStream, start: Timestamp, end: Timestamp, contentID: String? = nil, reason: String,
        detectedAt: Timestamp
    ) {
        self.tenant = tenant
        self.stream = stream
        self.start = start
        self.end = end
        self.contentID = contentID
        self.reason = reason
        self.detectedAt = detectedAt
    }
}
