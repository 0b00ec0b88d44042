public import BreakwaterGraph
public import BreakwaterIngest
public import BreakwaterModel
public import BreakwaterStore
public import Foundation
public import Logging

/// Collects one content type of one tenant's unified audit log from the Management Activity
/// API, from its checkpoint to now, one blob per committed batch.
///
/// - Windows come from ``ContentWindowPlanner``: at most 24 h, an overlap behind the
///   checkpoint re-listed (blobs appear late and out of order); blobs already stored are
///   skipped by id, and records seen twice are stored once.
/// - Each blob is downloaded to a file, read in bounded memory and committed through the
///   tenant's pipeline with the checkpoint `contentCreated` of the blob: the checkpoint is
///   never ahead of the data, and after a crash the blob is simply read again.
/// - Content that can no longer be read (expired, listed but gone, or older than the API
///   keeps) is recorded as a gap, never skipped silently.
public struct AuditFeedCollector: Sendable {
    public let contentType: ContentType
    public let client: ManagementActivityClient
    public let pipeline: TenantPipeline
    public let store: any CollectionStore
    public var planner: ContentWindowPlanner
    /// Where blobs are downloaded before they are read (each file is removed once committed).
    public let scratch: URL
    public let metrics: CollectionMetrics
    public let logger: Logger
    /// Told of each milestone (crash tests).
    public var observer: MilestoneObserver?

    /// - Parameters: see the properties.
    public init(
        contentType: ContentType, client: ManagementActivityClient, pipeline: TenantPipeline, store: any CollectionStore,
        planner: ContentWindowPlanner = AuditFeedCollector.defaultPlanner, scratch: URL, metrics: CollectionMetrics, logger: Logger
    ) {
        self.contentType = contentType
        self.client = client
        self.pipeline = pipeline
        self.store = store
        self.planner = planner
        self.scratch = scratch
        self.metrics = metrics
        self.logger = logger
    }

    /// A new feed starts as far back as the API keeps content (7 days), so that baselines
    /// learn from the week before the tenant was added; later passes re-list an hour behind
    /// the checkpoint.
    public static let defaultPlanner = ContentWindowPlanner(initialLookback: 7 * 24 * 3600)

    var stream: CollectionStream { CollectionStream(rawValue: contentType.rawValue) }
    var tenant: TenantID { client.credentials.tenant }

    /// Starts the subscription (one already enabled is fine).
    private func subscribe() async throws {
        _ = try await client.startSubscription(contentType)
    }

    /// Reads everything available from the checkpoint up to `now`.
    ///
    /// - Returns: how many blobs were committed.
    /// - Throws: the clients' errors that retrying did not overcome, and the store's.
    @discardableResult
    public func collect(now: Date) async throws -> Int {
        let checkpoint = try await store.checkpoint(of: stream, tenant: tenant)
        let plan = planner.plan(after: checkpoint?.readUntil.date, now: now)
        if let lost = plan.unreachable {
            try await recordGap(
                from: lost.start, to: lost.end, contentID: nil, now: now,
                reason: "content created in this span was never read, and the API keeps content for 7 days only")
        }
        var newest = checkpoint?.newestContent
        var committed = 0
        for window in plan.windows {
            let items = try await listing(window)
            observer?(.listed)
            let stored = try await store.collectedContentIDs(of: stream, tenant: tenant, since: Timestamp(window.start))
            var seen = stored
            for item in items.sorted(by: { ($0.contentCreated, $0.contentId) < ($1.contentCreated, $1.contentId) }) {
                guard seen.insert(item.contentId).inserted else { continue }
                let created = Timestamp(item.contentCreated)
                newest = max(newest ?? created, created)
                if let expiration = item.contentExpiration, expiration <= now {
                    try await recordGap(from: item.contentCreated, to: item.contentCreated, contentID: item.contentId, now: now, reason: "expired before it could be read")
                    continue
                }
                guard let records = try await download(item, now: now) else { continue }
                let batch = CollectedBatch(
                    tenant: tenant, stream: stream, content: CollectedContent(id: item.contentId, created: created), events: records.events,
                    quarantined: records.quarantined, checkpoint: CollectionCheckpoint(readUntil: created, newestContent: newest))
                metrics.noteCommitted(batch, try await pipeline.commit(batch))
                committed += 1
            }
            let done = CollectionCheckpoint(readUntil: Timestamp(window.end), newestContent: newest)
            let batch = CollectedBatch(tenant: tenant, stream: stream, events: [], checkpoint: done)
            metrics.noteCommitted(batch, try await pipeline.commit(batch))
        }
        return committed
    }

    /// The window's blobs; a missing or disabled subscription is started and the listing tried again.
    private func listing(_ window: ContentWindow) async throws -> [ContentItem] {
        do {
            return try await client.listContent(contentType, in: window)
        } catch let error as ManagementAPIError where error.classification == .startSubscriptionThenRetry {
            metrics.noteError(tenant: tenant, error)
            logger.info("Subscription not enabled; starting it", metadata: metadata(["error.code": "\(ErrorCode.of(error))"]))
            try await subscribe()
            return try await client.listContent(contentType, in: window)
        }
    }

    /// The blob's records, or `nil` (with a gap recorded) when it can no longer be read.
    private func download(_ item: ContentItem, now: Date) async throws -> (events: [Event], quarantined: [QuarantinedRecord])? {
        let downloaded: ManagementActivityClient.DownloadedContent
        do {
            downloaded = try await client.downloadContent(item, into: scratch)
        } catch let error as ManagementAPIError where [.contentExpired, .contentGone].contains(error.classification) {
            metrics.noteError(tenant: tenant, error)
            let code = ErrorCode.of(error)
            try await recordGap(
                from: item.contentCreated, to: item.contentCreated, contentID: item.contentId, now: now,
                reason: error.classification == .contentExpired ? "expired before it could be read (\(code))" : "listed, but the API no longer has it (\(code))")
            return nil
        }
        defer { try? FileManager.default.removeItem(at: downloaded.file) }
        observer?(.downloaded)
        let source = SourceReference(name: "\(contentType) blob \(item.contentId)", fingerprint: "content:\(item.contentId)")
        return try CollectedRecords.readBlob(at: downloaded.file.path, tenant: tenant, source: source)
    }

    /// Records a gap, and counts and logs it the first time only (the overlap behind the
    /// checkpoint lists an expired blob again on every pass).
    private func recordGap(from start: Date, to end: Date, contentID: String?, now: Date, reason: String) async throws {
        let gap = CollectionGap(
            tenant: tenant, stream: stream, start: Timestamp(start), end: Timestamp(end), contentID: contentID, reason: reason,
            detectedAt: Timestamp(now))
        guard try await store.recordGap(gap) else { return }
        metrics.noteGap(tenant: tenant, stream: stream)
        logger.info("Gap in the audit log", metadata: metadata(["gap.start": "\(gap.start)", "gap.end": "\(gap.end)"]))
    }

    /// Log metadata naming this feed, with `extra`.
    private func metadata(_ extra: Logger.Metadata) -> Logger.Metadata {
        extra.merging(["tenant.id": "\(tenant)", "feed.content_type": "\(contentType)"]) { $1 }
    }
}
