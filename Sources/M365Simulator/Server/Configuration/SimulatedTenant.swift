public import BreakwaterModel
import Foundation

/// One customer tenant the simulator serves: a simulated company (``scenario``), the app
/// Breakwater signs in as, the tenant's licences and settings, and the faults it shows.
///
/// ```swift
/// var tenant = SimulatedTenant.numbered(1, seed: 7, days: 3)
/// tenant.hasEntraIDP1 = false                 // Graph sign-ins: 403, read the audit log instead
/// tenant.faults.throttledShare = 0.1
/// ```
public struct SimulatedTenant: Sendable {
    /// The company, its month and its attack; its `tenant` and `domain` are this tenant's.
    /// Further scripted attacks belong in the scenario configuration, beside `includeAttack`.
    public var scenario: ScenarioConfiguration
    public var displayName: String
    public var application: SimulatedApplication
    /// Entra ID P1 or P2: without it Graph `/auditLogs/signIns` answers 403
    /// `Authentication_RequestFromNonPremiumTenantOrB2CTenant` (contract §5.1).
    public var hasEntraIDP1 = true
    /// Unified audit logging: when off, every Management Activity API call fails with the
    /// service's non-AF `DataServiceException` error (contract §2.1, §2.8).
    public var auditLoggingEnabled = true
    /// Management Activity API requests allowed per simulated minute before AF429 (§2.9).
    public var requestsPerMinute = 2000
    /// Graph reports requests (`/auditLogs/signIns`, `userRegistrationDetails`) allowed per 10
    /// simulated seconds before 429 with `Retry-After` (§5.7); `nil` for no limit.
    ///
    /// - important: with a manual clock the window only moves when the clock does: a client
    ///   that waits out `Retry-After` in real time is refused again until the test advances
    ///   the clock. Tests that page through many sign-ins set this to `nil`.
    public var reportsRequestsPerTenSeconds: Int? = 5
    /// Whether the app may change users (`PATCH /users/{id}`); when not, Graph answers 403
    /// `Authorization_RequestDenied`, as for an app without an Entra administrator role.
    public var canWriteUsers = true
    /// Content types whose subscription an administrator disabled: listing them fails with
    /// AF20023 until the subscription is started again.
    public var adminDisabledContentTypes: Set<ManagementContentType> = []
    public var delivery = ContentDelivery()
    public var faults = SimulatedFaults()

    public var id: TenantID { scenario.tenant }
    public var domain: String { scenario.domain }

    public init(scenario: ScenarioConfiguration, displayName: String, application: SimulatedApplication) {
        self.scenario = scenario
        self.displayName = displayName
        self.application = application
    }

    /// The `number`th tenant of a simulated MSP (from 1): Contoso, Fabrikam, Northwind, …,
    /// each its own company with its own seed, tenant id and app credentials, all following
    /// from `seed`, so that the same command always prints the same credentials.
    public static func numbered(_ number: Int, seed: UInt64 = 2026, days: Int = 30, scale: Int = 1, includeAttack: Bool = true) -> SimulatedTenant {
        let names = ["Contoso", "Fabrikam", "Northwind", "Tailspin", "Woodgrove", "Adatum", "Litware", "Proseware", "Wingtip", "Lamna"]
        let base = names[(number - 1) % names.count]
        let round = (number - 1) / names.count
        let name = round == 0 ? base : "\(base) \(round + 1)"
        let domain = base.lowercased() + (round == 0 ? "" : String(round + 1)) + ".com"
        var random = SeededRandom(seed: seed, stream: 0x5E2F_E4, UInt64(number))
        let tenant = number == 1 && seed == 2026 ? ScenarioConfiguration.defaultTenant : TenantID(uuid: random.uuid())
        let application = SimulatedApplication(clientID: random.uuid().uuidString.lowercased(), clientSecret: "sim~" + random.characters(36))
        let scenario = ScenarioConfiguration(
            seed: seed &+ UInt64(number - 1), days: days, includeAttack: includeAttack, scale: scale, tenant: tenant, domain: domain)
        return SimulatedTenant(scenario: scenario, displayName: name, application: application)
    }
}
