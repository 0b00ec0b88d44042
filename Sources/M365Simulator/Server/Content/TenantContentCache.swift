import Synchronization

/// The content of the tenants served most recently, by what decides it, so that servers started
/// one after another for the same tenant (tests, above all) do not generate the same month
/// again. Content is immutable, so sharing it between servers is safe.
enum TenantContentCache {
    private struct Key: Hashable {
        var scenario: ScenarioConfiguration
        var delivery: ContentDelivery
        var expiredBlobShare: Double
        var duplicateBlobShare: Double
        var duplicateRecordShare: Double

        init(_ tenant: SimulatedTenant) {
            scenario = tenant.scenario
            delivery = tenant.delivery
            delivery.contentPageSize = 0  // paging does not change the content
            expiredBlobShare = tenant.faults.expiredBlobShare
            duplicateBlobShare = tenant.faults.duplicateBlobShare
            duplicateRecordShare = tenant.faults.duplicateRecordShare
        }
    }

    /// How many tenants' content is kept.
    private static let capacity = 8
    /// Most recently used last. Held while content is built, so that servers started together
    /// for the same tenant build it once.
    private static let entries = Mutex<[(key: Key, content: TenantContent)]>([])

    static func content(for tenant: SimulatedTenant) -> TenantContent {
        let key = Key(tenant)
        return entries.withLock { entries in
            if let index = entries.firstIndex(where: { $0.key == key }) {
                let entry = entries.remove(at: index)
                entries.append(entry)
                return entry.content
            }
            let content = TenantContent(tenant)
            entries.append((key, content))
            if entries.count > capacity { entries.removeFirst() }
            return content
        }
    }
}
