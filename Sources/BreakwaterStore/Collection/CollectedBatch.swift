public import BreakwaterModel
public import Foundation

/// One unit of collection — one content blob, or one page of sign-ins — with the checkpoint
/// it advances to. Committed with its consequences in one transaction
/// (``CollectionStore/commit(_:deriving:)``); after a crash it is simply read again.
public struct CollectedBatch: Sendable {
    public var tenant: TenantID
    public var stream: CollectionStream
    /// The blob this batch is, if it is one: remembered, so that listing it again (the
    /// overlap re-listed behind the checkpoint) does not read it twice.
    public var content: CollectedContent?
    public var events: [Event]
    public var quarantined: [QuarantinedRecord]
    /// Where the stream stands once this batch is stored; `nil` leaves it where it is.
    public var checkpoint: CollectionCheckpoint?

    public init(
        tenant: TenantID, stream: CollectionStream, content: CollectedContent? = nil, events: [Event], quarantined: [QuarantinedRecord] = [],
        checkpoint: CollectionCheckpoint?
    ) {
        self.tenant = tenant
        self.stream = stream
        self.content = content
        self.events = events
        self.quarantined = quarantined
        self.checkpoint = checkpoint
    }
}

/// A content blob of the Management Activity API, as listed.
public struct CollectedContent: Sendable, Hashable {
    public var id: String
    public var created: Timestamp

    public init(id: String, created: Timestamp) {
        self.id = id
        self.created = created
    }
}

/// What the new events of a batch led to, worked out inside the batch's transaction.
public struct BatchConsequences: Sendable {
    /// The tenant's detection state after the batch (opaque to the store), or `nil` if unchanged.
    public var detectionState: Data?
    public var alerts: [Alert]
    public var outbox: [OutboxMessage]

    public init(detectionState: Data? = nil, alerts: [Alert] = [], outbox: [OutboxMessage] = []) {
        self.detectionState = detectionState
        self.alerts = alerts
        self.outbox = outbox
    }
}

/// What committing a collected batch stored.
public struct CollectedCommit: Sendable, Equatable {
    /// Events that were new (the rest were already stored).
    public var insertedEvents: Int
    public var duplicateEvents: Int
    /// Alerts that were new (an alert id already stored is not stored again).
    public var insertedAlerts: Int

    public init(insertedEvents: Int, duplicateEvents: Int, insertedAlerts: Int) {
        self.insertedEvents = insertedEvents
        self.duplicateEvents = duplicateEvents
        self.insertedAlerts = insertedAlerts
    }
}
