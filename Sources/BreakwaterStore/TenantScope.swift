public import BreakwaterModel

/// The tenants a read may see. Every query takes one: there is no unscoped read.
public enum TenantScope: Sendable, Hashable {
    /// Every tenant: the local administrator on the command line, an MSP owner.
    case all
    /// Only these tenants (an empty set sees nothing).
    case only(Set<TenantID>)

    /// Whether `tenant` is visible.
    public func contains(_ tenant: TenantID) -> Bool {
        switch self {
        case .all: true
        case .only(let tenants): tenants.contains(tenant)
        }
    }
}
