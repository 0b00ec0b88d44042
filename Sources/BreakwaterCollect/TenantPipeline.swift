public import BreakwaterDetect
public import BreakwaterEnrich
public import BreakwaterModel
public import BreakwaterStore
import Foundation
import Synchronization

/// One tenant's way from collected records to stored alerts: enrichment and detection run
/// inside the transaction that stores a batch, so a batch's events, the detection state
/// they lead to, the alerts they raise, the outbox messages for those alerts and the
/// stream's checkpoint are committed together — or not at all, and the batch is read again.
///
/// Every stream of the tenant (each content type, the sign-in log) commits through the same
/// pipeline, strictly one batch at a time, in the order they arrive; the engine's reorder
/// buffer puts the streams' events back
/// into event time (blobs of one feed can arrive hours after those of another).
public actor TenantPipeline {
    public let tenant: TenantID
    private let store: any CollectionStore
    private let enricher: Enricher
    private var engine: DetectionEngine
    private let observer: MilestoneObserver?
    /// Whether a commit is under way, and the commits waiting for it, first come first served:
    /// each commit works from the engine the previous one left, so they must not overlap
    /// (an actor lets another call in while one awaits the store).
    private var committing = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// The pipeline of `tenant`, continuing from the detection state last committed.
    ///
    /// - Parameter lateness: how long events are held back so that feeds arriving at
    ///   different delays are examined in event time (alerts come at least this much after
    ///   their events); it also applies to a restored state.
    /// - Returns: also a warning when a stored state could not be read and detection starts
    ///   afresh (it then re-learns the tenant's habits).
    public static func resume(
        tenant: TenantID, store: any CollectionStore, configuration: DetectionConfiguration, enricher: Enricher,
        lateness: Duration = .seconds(3 * 3600), observer: MilestoneObserver? = nil
    ) async throws -> (pipeline: TenantPipeline, warning: String?) {
        var state = DetectionState(lateness: lateness)
        var warning: String?
        if let saved = try await store.detectionState(of: tenant) {
            do {
                state = try JSONDecoder().decode(DetectionState.self, from: saved)
            } catch {
                warning = "the saved detection state of tenant \(tenant) could not be read (\(error)); detection starts afresh"
            }
        }
        state.lateness = lateness
        let engine = DetectionEngine(configuration: configuration, state: state)
        return (TenantPipeline(tenant: tenant, store: store, enricher: enricher, engine: engine, observer: observer), warning)
    }

    private init(tenant: TenantID, store: any CollectionStore, enricher: Enricher, engine: DetectionEngine, observer: MilestoneObserver?) {
        self.tenant = tenant
        self.store = store
        self.enricher = enricher
        self.engine = engine
        self.observer = observer
    }

    /// Stores `batch` with everything its new events lead to.
    public func commit(_ batch: CollectedBatch) async throws -> CollectedCommit {
        precondition(batch.tenant == tenant, "a batch of \(batch.tenant) committed through the pipeline of \(tenant)")
        await takeTurn()
        defer { endTurn() }
        let before = engine
        let enricher = self.enricher
        let after = Mutex<DetectionEngine?>(nil)
        let observer = self.observer
        let result = try await store.commit(batch) { newEvents in
            observer?(.committing)
            // Nothing new (a checkpoint alone, or a blob read again): the state is as stored.
            guard !newEvents.isEmpty else { return BatchConsequences() }
            var events = newEvents
            enricher.enrich(&events)
            var candidate = before
            let alerts = candidate.process(events)
            let state = try JSONEncoder().encode(candidate.state)
            after.withLock { $0 = candidate }
            return BatchConsequences(detectionState: state, alerts: alerts, outbox: try alerts.map(OutboxMessage.alertRaised))
        }
        // Adopted only once committed: a failed commit leaves the engine as the store has it.
        if let committed = after.withLock({ $0 }) { engine = committed }
        return result
    }

    private func takeTurn() async {
        guard committing else {
            committing = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func endTurn() {
        if waiting.isEmpty {
            committing = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension OutboxMessage {
    /// The message that tells notification and response that `alert` was raised.
    static func alertRaised(_ alert: Alert) throws -> OutboxMessage {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return OutboxMessage(tenant: alert.tenant, kind: "alert.raised", key: "alert:\(alert.id)", payload: try encoder.encode(alert), createdAt: alert.time)
    }
}
