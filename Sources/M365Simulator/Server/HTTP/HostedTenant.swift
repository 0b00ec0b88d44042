import BreakwaterModel

/// A tenant being served: its configuration, its content and its changing state.
struct HostedTenant: Sendable {
    let configuration: SimulatedTenant
    let content: TenantContent
    let state: TenantState
    let dice: FaultDice

    init(_ configuration: SimulatedTenant) {
        self.configuration = configuration
        content = TenantContentCache.content(for: configuration)
        state = TenantState(adminDisabled: configuration.adminDisabledContentTypes)
        dice = FaultDice(seed: configuration.scenario.seed ^ 0xFA17)
    }

    /// The tenant id as it appears in URLs and tokens (lower-case GUID).
    var id: String { configuration.id.description }

    /// Whether `name` (a GUID, the domain or the `.onmicrosoft.com` domain) names this tenant.
    func isNamed(_ name: String) -> Bool {
        let name = name.lowercased()
        let shortName = configuration.domain.lowercased().prefix { $0 != "." }
        return name == id || name == configuration.domain.lowercased() || name == shortName + ".onmicrosoft.com"
    }
}
