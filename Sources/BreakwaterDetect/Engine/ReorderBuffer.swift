import BreakwaterModel

/// Holds events until no earlier event can still arrive, then releases them in event-time
/// order — what makes detection independent of how records are batched.
///
/// Events may arrive in any order within the lateness horizon: one arriving up to that long
/// after a later event is still released in its place. The release order is total (time,
/// then tenant, then record id), so the same records always give the same sequence.
struct ReorderBuffer: Codable, Sendable, Equatable {
    /// How late an event may arrive and still take its place, in milliseconds.
    var lateness: Int64
    /// Events not yet released, oldest first.
    private(set) var pending: [Event] = []
    /// The latest event time seen.
    private(set) var latest: Int64 = .min

    init(lateness: Int64) {
        self.lateness = lateness
    }

    /// Adds events and returns those now certain to be in order, oldest first.
    mutating func add(_ events: [Event]) -> [Event] {
        guard !events.isEmpty else { return [] }
        for event in events {
            latest = max(latest, event.time.millisecondsSince1970)
        }
        // Batches usually arrive sorted (an archive read in order): check before sorting.
        let sorted = zip(events, events.dropFirst()).allSatisfy { !Self.precedes($1, $0) } ? events : events.sorted(by: Self.precedes)
        pending = Self.merge(pending, sorted)
        // Anything still to come is at or after the watermark, so everything before it is final.
        let watermark = latest - lateness
        let split = pending.partitioningIndex { $0.time.millisecondsSince1970 >= watermark }
        if split == pending.count {
            defer { pending = [] }
            return pending
        }
        defer { pending = Array(pending[split...]) }
        return Array(pending[..<split])
    }

    /// Releases everything held, oldest first.
    mutating func flush() -> [Event] {
        defer { pending = [] }
        return pending
    }

    /// Merges two arrays sorted by ``precedes(_:_:)``.
    private static func merge(_ left: [Event], _ right: [Event]) -> [Event] {
        if left.isEmpty { return right }
        var merged: [Event] = []
        merged.reserveCapacity(left.count + right.count)
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            if precedes(right[j], left[i]) {
                merged.append(right[j])
                j += 1
            } else {
                merged.append(left[i])
                i += 1
            }
        }
        merged += left[i...]
        merged += right[j...]
        return merged
    }

    static func precedes(_ lhs: Event, _ rhs: Event) -> Bool {
        let left = lhs.time.millisecondsSince1970
        let right = rhs.time.millisecondsSince1970
        if left != right { return left < right }
        if lhs.tenant != rhs.tenant { return lhs.tenant < rhs.tenant }
        return lhs.id < rhs.id
    }
}

extension Array {
    /// The index of the first element satisfying `belongs`, for an array where every element
    /// that satisfies it comes after every one that does not (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
