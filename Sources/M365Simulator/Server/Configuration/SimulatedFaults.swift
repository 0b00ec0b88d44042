/// The ways a tenant's endpoints misbehave, as the real services do, so that clients are
/// tested against them.
///
/// Request faults (throttling, server errors, truncated bodies, slow responses) are decided
/// per request from the tenant's seed, the request (method, path and query, without
/// `PublisherIdentifier`) and how many times that same request was made before: the same
/// run always fails the same way, and a request fails at most
/// ``maximumConsecutiveFaults`` times in a row, so a client that retries always gets through.
/// Shares are fractions from 0 (never) to 1 (every time it may).
///
/// Content faults (expired and duplicate blobs, repeated records) shape the tenant's content
/// once, when the server starts.
///
/// ```swift
/// var faults = SimulatedFaults()
/// faults.throttledShare = 0.2              // one request in five is refused with AF429…
/// faults.throttleStatuses = [.forbidden]   // …and always with HTTP 403, as in Microsoft's own example
/// ```
public struct SimulatedFaults: Sendable, Hashable {
    /// The HTTP status a throttled Management Activity API request gets; Microsoft's own
    /// example shows AF429 with 403, collectors expect 429 too (contract §2.8).
    public enum ThrottleStatus: Sendable, Hashable {
        case forbidden
        case tooManyRequests

        var code: Int {
            switch self {
            case .forbidden: 403
            case .tooManyRequests: 429
            }
        }
    }

    /// Requests refused as throttled: AF429 on the Management Activity API, 429
    /// `TooManyRequests` with a `Retry-After` on Graph.
    public var throttledShare: Double = 0
    /// The statuses AF429 comes with, picked per request; also used when the tenant's request
    /// cap is exceeded.
    public var throttleStatuses: [ThrottleStatus] = [.forbidden, .tooManyRequests]
    /// Requests failing inside the service: HTTP 500 AF50000 on the Management Activity API,
    /// 503 `serviceNotAvailable` on Graph.
    public var serverErrorShare: Double = 0
    /// Successful responses whose connection is closed half way through the body, after a
    /// `Content-Length` promising all of it: a transport failure, never a short valid body.
    public var truncatedBodyShare: Double = 0
    /// Responses held back by ``slowDelay`` (real time) before being sent.
    public var slowShare: Double = 0
    public var slowDelay: Duration = .milliseconds(500)
    /// How many times in a row the same request may fail; the next attempt succeeds.
    public var maximumConsecutiveFaults = 2

    /// Blobs that are listed but have already expired (`contentExpiration` in the past, AF20051
    /// on retrieval): their records are lost unless another blob repeats them.
    public var expiredBlobShare: Double = 0
    /// Blobs listed twice in `/subscriptions/content` results.
    public var duplicateBlobShare: Double = 0
    /// Records repeated in the next blob of the same content type.
    public var duplicateRecordShare: Double = 0

    /// How long access tokens last, in simulated time (`expires_in`); short lifetimes make
    /// clients meet expired tokens (HTTP 401) and fetch new ones.
    public var tokenLifetime: Duration = .seconds(3599)

    /// No faults at all.
    public init() {}
}
