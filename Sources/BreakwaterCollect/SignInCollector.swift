public import BreakwaterGraph
public import BreakwaterIngest
public import BreakwaterModel
public import BreakwaterStore
public import Foundation
public import Logging

/// Collects one tenant's Entra sign-ins from Microsoft Graph (beta, for MFA detail and session
/// ids), from the checkpoint to now.
///
/// Graph lists sign-ins newest first, so the checkpoint moves only once a whole window has been
/// read; a window cut short by a crash is read again and its records de-duplicated by id. A
/// tenant without Entra ID P1 has no sign-in log: the collector says so once and stops, and
/// detection reads the audit log's sign-in records instead.
public struct SignInCollector: Sendable {
    public let client: GraphClient
    public let pipeline: TenantPipeline
    public let store: any CollectionStore
    /// How far back a tenant's first collection reaches: the week the audit log also keeps.
    public var initialLookback: TimeInterval = 7 * 24 * 3600
    /// Re-read behind the checkpoint: sign-ins can be listed minutes after they happen.
    public var overlap: TimeInterval = 15 * 60
    /// How long Graph keeps sign-ins (Entra ID P1; without it there is no sign-in log).
    public var retention: TimeInterval = 30 * 24 * 3600
    /// The longest window read at once.
    public var maximumWindow: TimeInterval = 24 * 3600
    public let metrics: CollectionMetrics
    public let logger: Logger

    /// Why collection stopped for good.
    public enum Outcome: Sendable, Equatable {
        /// Read up to now.
        case collected(pages: Int)
        /// The tenant has no sign-in log (no Entra ID P1).
        case unlicensed
    }

    /// - Parameters: see the properties.
    public init(client: GraphClient, pipeline: TenantPipeline, store: any CollectionStore, metrics: CollectionMetrics, logger: Logger) {
        self.client = client
        self.pipeline = pipeline
        self.store = store
        self.metrics = metrics
        self.logger = logger
    }

    var tenant: TenantID { client.credentials.tenant }

    /// Reads every sign-in available from the checkpoint up to `now`.
    public func collect(now: Date) async throws -> Outcome {
        let checkpoint = try await store.checkpoint(of: .signIns, tenant: tenant)
        var start = checkpoint.map { $0.readUntil.date.addingTimeInterval(-overlap) } ?? now.addingTimeInterval(-initialLookback)
        let earliest = now.addingTimeInterval(-retention)
        if let checkpoint, checkpoint.readUntil.date < earliest {
            // Sign-ins older than Graph keeps them were never read: say so, as for the audit log.
            try await store.recordGap(
                CollectionGap(
                    tenant: tenant, stream: .signIns, start: checkpoint.readUntil, end: Timestamp(earliest),
                    reason: "sign-ins in this span were never read, and Graph keeps them for 30 days only", detectedAt: Timestamp(now)))
            start = earliest
        }
        var newest = checkpoint?.newestContent
        var pages = 0
        while start < now {
            let end = min(start.addingTimeInterval(maximumWindow), now)
            var page: GraphPage<GraphSignIn>?
            do {
                page = try await client.signInPage(createdIn: DateInterval(start: start, end: end))
            } catch let error as GraphError where error.code == .premiumLicenceRequired {
                metrics.noteError(tenant: tenant, error)
                logger.info(
                    "No sign-in log (the tenant lacks Entra ID P1); sign-ins are read from the audit log instead",
                    metadata: ["tenant.id": "\(tenant)", "feed.content_type": "SignIns", "error.code": "\(ErrorCode.of(error))"])
                return .unlicensed
            }
            while let current = page {
                let (events, quarantined) = CollectedRecords.readSignIns(
                    current.elements.map(\.json), tenant: tenant, sourceName: "sign-ins \(Timestamp(start).iso8601)–\(Timestamp(end).iso8601)")
                if let latest = events.map(\.time).max() { newest = max(newest ?? latest, latest) }
                let batch = CollectedBatch(tenant: tenant, stream: .signIns, events: events, quarantined: quarantined, checkpoint: nil)
                metrics.noteCommitted(batch, try await pipeline.commit(batch))
                pages += 1
                page = try await client.nextPage(after: current)
            }
            let batch = CollectedBatch(tenant: tenant, stream: .signIns, events: [], checkpoint: CollectionCheckpoint(readUntil: Timestamp(end), newestContent: newest))
            metrics.noteCommitted(batch, try await pipeline.commit(batch))
            start = end
        }
        return .collected(pages: pages)
    }
}
