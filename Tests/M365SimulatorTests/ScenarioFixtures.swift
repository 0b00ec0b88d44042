import BreakwaterModel
import M365Simulator

/// The datasets the suites share, generated once per test run.
enum ScenarioFixtures {
    /// The judged month: 30 days from 26 October 2026 with the attack, at scale 1.
    static let month = Scenario(ScenarioConfiguration())
    static let monthData = month.dataset()
    static let truth = month.truth
    static let tenant = ScenarioConfiguration.defaultTenant

    /// Every audit record of the month, normalized.
    static let auditEvents: [Event] = monthData.auditRecords.map { json in
        // A record that does not parse fails the parsing test; here it is simply skipped.
        (try? AuditRecord(unifiedAuditLogJSON: json)).map { Event(record: $0, tenant: tenant) }
    }.compactMap(\.self)

    /// Every Graph sign-in of the month, normalized.
    static let signInEvents: [Event] = monthData.signIns.map { json in
        (try? AuditRecord(graphSignInJSON: json)).map { Event(record: $0, tenant: tenant) }
    }.compactMap(\.self)

    /// Three days, the attack on the last (a Wednesday): small enough to generate twice or
    /// import into an archive.
    static let shortConfiguration = ScenarioConfiguration(days: 3)

    static let attack = truth.attack!

    static func text(_ json: [UInt8]) -> String { String(decoding: json, as: UTF8.self) }
}
