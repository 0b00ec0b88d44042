import BreakwaterModel

extension DetectionContext {
    /// Adds `key` to the running detector's window `name` unless the window already holds it,
    /// and returns the window: its size is then the number of distinct keys in the last `span`
    /// milliseconds.
    ///
    /// Keeping each key once makes the distinct count free to read however large a burst
    /// grows (a sync client fetching thousands of files). A key seen again while the window
    /// holds it keeps its first time, so a file fetched twice leaves the window a little early.
    mutating func addDistinct(_ key: String, record: RecordID, toWindow name: String, span: Int64) -> EventWindow {
        let now = now
        return withWindow(name) { window in
            window.prune(before: now - span)
            if !window.entries.contains(where: { $0.key == key }) {
                window.add(key, record: record, at: now, keeping: span)
            }
            return window
        }
    }

    /// Whether the identity's burst `name` is new: the running detector has not reported it
    /// yet. Keeps the detector quiet about the burst until `span` after this event.
    ///
    /// Call it for every event of a burst (whenever the count is at or above the threshold),
    /// with `raising` false when the count is excused (the identity's habit): the burst is
    /// reported once however long it lasts, and a new burst after a quiet `span` afresh. A
    /// burst is not reported again when it turns more severe midway: its own alert may be
    /// what put the identity under suspicion.
    mutating func isNewInBurst(_ name: String, raising: Bool, lasting span: Int64) -> Bool {
        let key = Self.burstKey(name)
        if isQuiet(key) {
            quiet(key, for: span)
            return false
        }
        guard raising else { return false }
        quiet(key, for: span)
        return true
    }

    /// Whether the running detector reported the identity's burst `name` within the burst's
    /// span.
    func isInBurst(_ name: String) -> Bool {
        isQuiet(Self.burstKey(name))
    }

    private static func burstKey(_ name: String) -> String { "burst|\(name)" }
}
