/// One blob of the Management Activity API: a batch of a content type's records that became
/// available together (contract §2.4, §2.7).
struct ContentBlob: Sendable {
    let contentType: ManagementContentType
    /// Opaque, with `$` characters, like the service's.
    let contentID: String
    /// When the blob became listable (milliseconds since 1970).
    let created: Int64
    /// `created` + 7 days, or `created` itself for a blob the expired-content fault picked.
    let expiration: Int64
    /// Indexes into ``TenantContent/records``, shuffled.
    let records: [Int32]
    /// Whether `/subscriptions/content` lists it twice (the duplicate-blob fault).
    let isListedTwice: Bool

    /// Whether the expired-content fault picked it: it never could be retrieved.
    var expiredOnArrival: Bool { expiration <= created }

    /// How long the service keeps a blob.
    static let retention: Int64 = 7 * 86_400_000
}
