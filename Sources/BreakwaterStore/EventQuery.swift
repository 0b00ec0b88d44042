public import BreakwaterModel

/// Filters for reading events: the local `Search-UnifiedAuditLog`.
public struct EventQuery: Sendable, Hashable {
    /// The tenants the caller may see.
    public var scope: TenantScope
    /// Only events by this actor (compared lowercased, like stored UPNs).
    public var actor: String?
    /// Only events from addresses in this range.
    public var network: IPNetwork?
    /// Only this operation (compared without case).
    public var operation: String?
    /// Only this workload (compared without case).
    public var workload: String?
    /// Only events at or after this time.
    public var since: Timestamp?
    /// Only events before this time.
    public var until: Timestamp?

    public init(
        scope: TenantScope, actor: String? = nil, network: IPNetwork? = nil, operation: String? = nil, workload: String? = nil,
        since: Timestamp? = nil, until: Timestamp? = nil
    ) {
        self.scope = scope
        self.actor = actor
        self.network = network
        self.operation = operation
        self.workload = workload
        self.since = since
        self.until = until
    }
}

/// Where a page of events ended: the next page starts strictly after it.
public struct EventCursor: Sendable, Hashable {
    public var time: Timestamp
    public var tenant: TenantID
    public var id: RecordID

    public init(time: Timestamp, tenant: TenantID, id: RecordID) {
        self.time = time
        self.tenant = tenant
        self.id = id
    }
}

/// One page of events, newest first, each rebuilt from its stored original record.
public struct EventPage: Sendable {
    public var events: [Event]
    /// Where to continue; `nil` when there are no more.
    public var next: EventCursor?

    public init(events: [Event], next: EventCursor?) {
        self.events = events
        self.next = next
    }
}
