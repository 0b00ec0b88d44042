public import BreakwaterModel
public import Foundation

/// What continuous collection needs of the archive beyond ``Store``: the monitored tenants,
/// each stream's checkpoint, gaps, the detection state, alerts and the outbox — with a batch
/// and everything it led to committed together.
public protocol CollectionStore: Store {
    /// Adds a tenant, or replaces what is known of it.
    func saveTenant(_ tenant: MonitoredTenant) async throws
    /// The monitored tenants within `scope`, by display name.
    func monitoredTenants(in scope: TenantScope) async throws -> [MonitoredTenant]
    /// Stops monitoring a tenant (its archived events stay). Returns whether it was monitored.
    @discardableResult
    func removeTenant(_ tenant: TenantID) async throws -> Bool

    /// Where `stream` of `tenant` stands, `nil` before its first batch.
    func checkpoint(of stream: CollectionStream, tenant: TenantID) async throws -> CollectionCheckpoint?
    /// Every stream's checkpoint within `scope`, for lag.
    func checkpoints(in scope: TenantScope) async throws -> [(tenant: TenantID, stream: CollectionStream, checkpoint: CollectionCheckpoint)]
    /// The ids of the blobs of `stream` already stored whose content was created at or after `since`.
    func collectedContentIDs(of stream: CollectionStream, tenant: TenantID, since: Timestamp) async throws -> Set<String>

    /// Records content that can no longer be read, once per tenant, stream, period and blob;
    /// returns whether it was new.
    @discardableResult
    func recordGap(_ gap: CollectionGap) async throws -> Bool
    /// The gaps within `scope`, newest first.
    func gaps(in scope: TenantScope) async throws -> [CollectionGap]

    /// The detection state last committed for `tenant`.
    func detectionState(of tenant: TenantID) async throws -> Data?
    /// Alerts within `scope`, newest first.
    func alerts(in scope: TenantScope, limit: Int) async throws -> [Alert]
    /// Outbox messages not yet delivered, oldest first.
    func pendingOutbox(in scope: TenantScope, limit: Int) async throws -> [OutboxMessage]

    /// Commits a collected batch in one transaction: its events (duplicates ignored), its
    /// quarantined records, what `deriving` makes of the events that were new (detection
    /// state, alerts, outbox messages), the blob's id and the checkpoint. If anything fails,
    /// nothing is stored.
    ///
    /// - Parameter deriving: called inside the transaction with the batch's new events, in
    ///   batch order; it must not have effects outside its result (it may run again if the
    ///   commit is retried).
    func commit(_ batch: CollectedBatch, deriving: @Sendable ([Event]) throws -> BatchConsequences) async throws -> CollectedCommit
}
