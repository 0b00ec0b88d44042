public import BreakwaterModel

/// Detection settings for every tenant: defaults, and per-tenant configurations that replace
/// them.
public struct DetectionConfiguration: Sendable, Hashable, Codable {
    public var defaults: TenantConfiguration
    public var tenants: [TenantID: TenantConfiguration]

    public init(defaults: TenantConfiguration = TenantConfiguration(), tenants: [TenantID: TenantConfiguration] = [:]) {
        self.defaults = defaults
        self.tenants = tenants
    }

    /// The configuration that applies to `tenant`.
    public func configuration(for tenant: TenantID) -> TenantConfiguration {
        tenants[tenant] ?? defaults
    }
}
