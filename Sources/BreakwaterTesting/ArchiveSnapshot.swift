import BreakwaterModel
public import BreakwaterStore

/// Everything an archive holds, in a fixed order, for comparing two archives: every event
/// (tenant, time, id, original bytes) and every quarantined record.
public struct ArchiveSnapshot: Equatable, Sendable {
    public var events: [String]
    public var quarantine: [String]

    /// Reads every event and quarantined record of `store`.
    public static func of(_ store: any Store) async throws -> ArchiveSnapshot {
        var events: [String] = []
        var cursor: EventCursor?
        repeat {
            let page = try await store.events(matching: EventQuery(scope: .all), after: cursor, limit: 500)
            events += page.events.map { "\($0.tenant) \($0.time) \($0.id) \(String(decoding: $0.record.raw, as: UTF8.self))" }
            cursor = page.next
        } while cursor != nil
        let quarantine = try await store.quarantinedRecords(in: .all, limit: .max).map {
            "\($0.source.fingerprint) \($0.position) \($0.reason.code) \($0.length) \($0.raw.count)"
        }
        return ArchiveSnapshot(events: events, quarantine: quarantine.sorted())
    }
}
