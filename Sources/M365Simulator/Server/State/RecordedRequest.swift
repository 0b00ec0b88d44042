public import BreakwaterModel

/// A request the simulator answered for a tenant, for tests that check what a client did
/// (rate caps, `PublisherIdentifier` on every call, retries).
public struct RecordedRequest: Sendable, Hashable {
    /// Which Microsoft service the request was for.
    public enum Service: String, Sendable, Hashable {
        case token
        case managementActivity
        case graph
    }

    /// Simulated time of arrival.
    public var time: Timestamp
    public var service: Service
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The HTTP status answered (a truncated response counts as its status).
    public var status: Int
    /// The `PublisherIdentifier` query parameter, matched case-insensitively; `nil` when absent.
    public var publisherIdentifier: String?
}
