/// How a tenant's audit records reach the Management Activity API and its sign-ins Graph:
/// how late, in what blobs and pages (contract §2.4, §2.6, §2.7).
///
/// Every record becomes available a deterministic while after its event — usually
/// ``latency``, for a ``lateShare`` of records ``lateDelay`` instead — and is put in the blob
/// of its content type that closes at the end of the ``blobInterval`` it became available in,
/// at most ``recordsPerBlob`` records a blob (a fuller interval gets several blobs). A late
/// record therefore sits in a blob beside much newer ones, and a blob can hold events older
/// than an earlier blob's. Records are shuffled within their blob.
public struct ContentDelivery: Sendable, Hashable {
    public var latency: ClosedRange<Duration> = Duration.seconds(60 * 60)...Duration.seconds(90 * 60)
    public var lateShare = 0.03
    public var lateDelay: ClosedRange<Duration> = Duration.seconds(2 * 3600)...Duration.seconds(6 * 3600)
    public var blobInterval: Duration = .seconds(5 * 60)
    public var recordsPerBlob = 1000
    /// Content items per `/subscriptions/content` page: small, so that clients page (Microsoft
    /// admits paging is hard to see in a test tenant).
    public var contentPageSize = 50
    /// How long after its event a sign-in appears in Graph's `/auditLogs/signIns`.
    public var signInLatency: ClosedRange<Duration> = Duration.seconds(60)...Duration.seconds(300)

    public init() {}
}
