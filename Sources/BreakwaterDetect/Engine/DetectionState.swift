import BreakwaterModel

/// Everything detection remembers: per-tenant baselines, windows and sessions, and the
/// events held back until their turn. Saved with each batch and restored by the next owner,
/// so that detection continues exactly where it stopped.
public struct DetectionState: Codable, Sendable, Equatable {
    var tenants: [TenantID: TenantState] = [:]
    var buffer: ReorderBuffer

    /// - Parameter lateness: how late (event time) a record may arrive and still be examined
    ///   in its place.
    public init(lateness: Duration = .seconds(86_400)) {
        buffer = ReorderBuffer(lateness: lateness.milliseconds)
    }

    /// How late (event time) a record may arrive and still be examined in its place. A
    /// shorter horizon releases held events, and so raises alerts, sooner.
    public var lateness: Duration {
        get { .milliseconds(buffer.lateness) }
        set { buffer.lateness = newValue.milliseconds }
    }

    /// How many identities are remembered, across tenants (memory follows this number).
    public var identityCount: Int { tenants.values.reduce(0) { $0 + $1.identities.count } }
    /// How many events wait for their turn.
    public var pendingEventCount: Int { buffer.pending.count }
}

extension Duration {
    /// The duration in whole milliseconds.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
