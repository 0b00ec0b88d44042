/// The records of one stretch of the scenario, gathered in any order and handed out in time
/// order.
struct RecordBuffer {
    struct Entry {
        var time: Int64
        var sequence: Int
        var feed: ScenarioRecord.Feed
        var json: [UInt8]
    }

    private(set) var entries: [Entry] = []
    private var sequence = 0

    mutating func add(_ feed: ScenarioRecord.Feed, at time: Int64, _ json: [UInt8]) {
        entries.append(Entry(time: time, sequence: sequence, feed: feed, json: json))
        sequence += 1
    }

    /// A sign-in, in both logs at the same instant.
    mutating func add(_ attempt: SignInAttempt, encoder: RecordEncoder, _ random: inout SeededRandom) {
        add(.auditLog, at: attempt.time, encoder.auditSignIn(attempt, &random))
        add(.signIns, at: attempt.time, encoder.graphSignIn(attempt, &random))
    }

    /// Removes and returns the records before `limit`, oldest first (ties in the order they
    /// were added); later ones stay for the next stretch.
    mutating func takeRecords(before limit: Int64) -> [Entry] {
        entries.sort { $0.time != $1.time ? $0.time < $1.time : $0.sequence < $1.sequence }
        let split = entries.firstIndex { $0.time >= limit } ?? entries.endIndex
        let taken = Array(entries[..<split])
        entries.removeSubrange(..<split)
        return taken
    }
}
