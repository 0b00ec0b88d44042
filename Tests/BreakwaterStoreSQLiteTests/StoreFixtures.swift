import BreakwaterModel
import BreakwaterStore
import M365Simulator

/// Generated events of several tenants, for store tests.
enum StoreFixtures {
    static let tenants = [
        TenantID("11111111-1111-4111-8111-111111111111")!, TenantID("22222222-2222-4222-8222-222222222222")!,
        TenantID("33333333-3333-4333-8333-333333333333")!,
    ]

    /// `count` events per tenant, from the synthetic organisation generator, with some
    /// records sharing a timestamp so that ordering ties are exercised.
    static func events(perTenant count: Int, seed: UInt64 = 1) -> [Event] {
        var events: [Event] = []
        for (index, tenant) in tenants.enumerated() {
            let organization = SyntheticOrganization(seed: seed + UInt64(index), userCount: 12, tenant: tenant)
            var generator = AuditRecordGenerator(
                organization: organization, seed: seed * 31 + UInt64(index), start: Timestamp(iso8601: "2026-11-01T00:00:00Z")!)
            for _ in 0..<count {
                let record = try! AuditRecord(unifiedAuditLogJSON: generator.next())
                events.append(Event(record: record, tenant: tenant))
            }
        }
        return events
    }

    /// The archive's order: newest first, then tenant, then record id descending.
    static func precedes(_ lhs: Event, _ rhs: Event) -> Bool {
        if lhs.time != rhs.time { return lhs.time > rhs.time }
        if lhs.tenant != rhs.tenant { return lhs.tenant < rhs.tenant }
        return rhs.id < lhs.id
    }

    /// The archive's oldest-first order: oldest first, then tenant, then record id ascending.
    static func precedesOldestFirst(_ lhs: Event, _ rhs: Event) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.tenant != rhs.tenant { return lhs.tenant < rhs.tenant }
        return lhs.id < rhs.id
    }
}

extension Event {
    /// A key for comparing events read back with the events written.
    var key: String { "\(tenant) \(id) \(time)" }
}
