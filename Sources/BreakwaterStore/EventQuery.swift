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
    /// The order pages come in: newest first (what people browsing want), or oldest first
    /// (what replaying a tenant through detection in event time needs).
    public var order: EventOrder

    /// - Parameters:
    ///   - scope: the tenants the caller may see.
    ///   - actor: only events by this actor (any case).
    ///   - network: only events from addresses in this range.
    ///   - operation: only this operation (any case, trailing period optional).
    ///   - workload: only this workload (any case).
    ///   - since: only events at or after this time.
    ///   - until: only events before this time.
    ///   - order: the order of the pages; newest first by default.
    public init(
        scope: TenantScope, actor: String? = nil, network: IPNetwork? = nil, operation: String? = nil, workload: String? = nil,
        since: Timestamp? = nil, until: Timestamp? = nil, order: EventOrder = .newestFirst
    ) {
        self.scope = scope
        self.actor = actor
        self.network = network
        self.operation = operation
        self.workload = workload
        self.since = since
        self.until = until
        self.order = order
    }
}

/// The order events are read in: by time, then by tenant id ascending, then by record id
/// (descending newest first, ascending oldest first). Within one tenant, oldest first is
/// exactly newest first reversed.
public enum EventOrder: Sendable, Hashable {
    /// Latest event first: browsing and searching.
    case newestFirst
    /// Earliest event first: replaying an archive in event time (`breakwater investigate`).
    case oldestFirst
}

/// Where a page of events ended: the next page starts strictly after it, in the query's
/// order. A cursor is only meaningful with the query (filters and order) that produced it.
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

/// One page of events in the query's order (newest first unless it asks for oldest first),
/// each rebuilt from its stored original record.
public struct EventPage: Sendable {
    public var events: [Event]
    /// Where to continue; `nil` when there are no more.
    public var next: EventCursor?

    public init(events: [Event], next: EventCursor?) {
        self.events = events
        self.next = next
    }
}
