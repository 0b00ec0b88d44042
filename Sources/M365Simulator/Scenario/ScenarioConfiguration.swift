public import BreakwaterModel
import Foundation

/// What to simulate: which month, how big a company, and whether the attack happens.
///
/// ```swift
/// let scenario = Scenario(ScenarioConfiguration(seed: 7))               // 30 days, ~40 staff, with the attack
/// let benchmark = Scenario(ScenarioConfiguration(seed: 7, scale: 10))   // ~400 staff
/// ```
public struct ScenarioConfiguration: Sendable, Hashable {
    /// Everything random follows from the seed: the same configuration always gives
    /// byte-identical output.
    public var seed: UInt64
    /// Midnight UTC of the first day (a later time of day is rounded down to midnight).
    /// The default, Monday 26 October 2026, is the first day of GMT after the clocks go back.
    public var start: Timestamp
    public var days: Int
    /// Whether the business-email-compromise story happens, about three quarters of the way
    /// through. Without it the month is entirely ordinary, and every other record is the same.
    public var includeAttack: Bool
    /// Multiplies the staff (and so the volume) for benchmarks: 1 is about forty people.
    public var scale: Int
    public var tenant: TenantID
    /// The company's mail domain; its first label names the SharePoint host.
    public var domain: String

    /// 2026-10-26T00:00:00Z.
    public static let defaultStart = Timestamp(millisecondsSince1970: 1_792_972_800_000)
    /// Contoso's tenant, as in the project's samples and fixtures.
    public static let defaultTenant = TenantID(
        uuid: UUID(uuid: (0x9f, 0x1c, 0x7b, 0x2e, 0x4a, 0x8d, 0x4c, 0x3f, 0xb5, 0xe6, 0x2d, 0x7a, 0x8c, 0x9e, 0x0f, 0x11)))

    public init(
        seed: UInt64 = 2026, start: Timestamp = ScenarioConfiguration.defaultStart, days: Int = 30, includeAttack: Bool = true, scale: Int = 1,
        tenant: TenantID = ScenarioConfiguration.defaultTenant, domain: String = "contoso.com"
    ) {
        self.seed = seed
        self.start = start
        self.days = days
        self.includeAttack = includeAttack
        self.scale = scale
        self.tenant = tenant
        self.domain = domain
    }
}
