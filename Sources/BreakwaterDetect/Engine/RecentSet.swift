/// A bounded set of recently seen values with when each was last seen: the shape of every
/// baseline (addresses, countries, networks, clients). When full, the value seen longest ago
/// makes room, so memory stays bounded per identity however long it is watched.
struct RecentSet<Value: Hashable & Comparable & Codable & Sendable>: Codable, Sendable, Equatable {
    private(set) var lastSeen: [Value: Int64] = [:]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    var isEmpty: Bool { lastSeen.isEmpty }
    var count: Int { lastSeen.count }

    func contains(_ value: Value) -> Bool { lastSeen[value] != nil }

    /// Records `value` as seen at `time` (event time, milliseconds).
    mutating func insert(_ value: Value, at time: Int64) {
        // Ties are broken by value, so that which one is evicted never depends on hashing.
        if lastSeen[value] == nil, lastSeen.count >= capacity, let oldest = lastSeen.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            lastSeen.removeValue(forKey: oldest.key)
        }
        lastSeen[value] = max(lastSeen[value] ?? .min, time)
    }
}
