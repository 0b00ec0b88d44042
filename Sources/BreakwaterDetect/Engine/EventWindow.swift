import BreakwaterModel

/// Events of one kind within a sliding event-time window: what thresholds count.
struct EventWindow: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Equatable {
        var time: Int64
        /// What the entry is about (a file, a user, an address), for distinct counts.
        var key: String
        var record: RecordID
    }

    private(set) var entries: [Entry] = []

    /// Adds an entry and drops those older than `span` before it.
    mutating func add(_ key: String, record: RecordID, at time: Int64, keeping span: Int64) {
        entries.append(Entry(time: time, key: key, record: record))
        prune(before: time - span)
    }

    mutating func prune(before time: Int64) {
        if let first = entries.firstIndex(where: { $0.time >= time }) {
            if first > 0 { entries.removeSubrange(0..<first) }
        } else {
            entries.removeAll()
        }
    }

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }
    var distinctKeys: Int { Set(entries.map(\.key)).count }
    var records: [RecordID] { entries.map(\.record) }
    var firstTime: Int64? { entries.first?.time }

    /// Entries at or after `time`.
    func entries(since time: Int64) -> ArraySlice<Entry> {
        entries[entries.partitioningIndex { $0.time >= time }...]
    }

    /// Records of the entries with distinct keys (the first of each), oldest first.
    var distinctRecords: [RecordID] {
        var seen = Set<String>()
        return entries.filter { seen.insert($0.key).inserted }.map(\.record)
    }
}
