import BreakwaterModel
import BreakwaterStore
import Foundation
import GRDB

/// Reads pages of events, newest or oldest first, across the tenants a query may see.
///
/// Each tenant is searched on its own. The term postings name the segments that can hold a
/// match (those with the user, the address range, the operation…), in the query's order:
/// newest first by their latest event, oldest first by their earliest. Their small indexes
/// are scanned until a page is certain — no segment left could hold an event that comes
/// before the page's last — and only then are the matching original records read. The
/// cursor bounds the scan: segments holding nothing beyond it are never read. Per-tenant
/// pages are merged in the order: time (descending or ascending), tenant, record id
/// (descending or ascending).
struct EventSearch {
    let db: Database
    let query: EventQuery
    private var order: EventOrder { query.order }

    /// How many candidate groups are fetched per round trip.
    private static let groupBatch = 32

    func page(after cursor: EventCursor?, limit: Int) throws -> EventPage {
        let limit = max(1, limit)
        var matches: [Match] = []
        for (tenant, key) in try TenantKeys.keys(in: query.scope, db) {
            guard let filter = try Filter(query: query, tenant: tenant, key: key, cursor: cursor, db: db) else { continue }
            matches += try tenantMatches(filter, limit: limit + 1)
        }
        matches.sort { $0.precedes($1, in: order) }
        let hasMore = matches.count > limit
        let selected = Array(matches.prefix(limit))
        let events = try readEvents(selected)
        let next = hasMore ? selected.last.map { EventCursor(time: Timestamp(millisecondsSince1970: $0.entry.time), tenant: $0.tenant, id: $0.entry.id) } : nil
        return EventPage(events: events, next: next)
    }

    /// Up to `limit` matches of one tenant, in the query's order.
    private func tenantMatches(_ filter: Filter, limit: Int) throws -> [Match] {
        var matches: [Match] = []
        var after: Group?
        while true {
            let groups = try candidateGroups(filter, after: after)
            for group in groups {
                if matches.count >= limit {
                    matches.sort { $0.precedes($1, in: order) }
                    matches.removeSubrange(limit...)
                    // Groups come in order of their nearest event: once one starts beyond the
                    // page's last match, no remaining segment can hold anything before it.
                    if group.startsBeyond(matches[limit - 1].entry.time, in: order) { return matches }
                }
                for segment in try segments(of: group, filter) {
                    let entries = try Segment.decodeIndex(try ZstdDecompressor.decompress(segment.entries))
                    var offset = 0
                    for entry in entries {
                        if filter.accepts(entry) {
                            matches.append(Match(tenant: filter.tenant, segment: segment.id, offset: offset, entry: entry))
                        }
                        offset += entry.rawLength
                    }
                }
            }
            guard let last = groups.last, groups.count == Self.groupBatch else { break }
            after = last
        }
        matches.sort { $0.precedes($1, in: order) }
        return Array(matches.prefix(limit))
    }

    /// The next groups of segments after `after` that may hold matches, in the query's order:
    /// from the term postings when the query names a term, else every segment on its own.
    ///
    /// Newest first, groups come by their latest event descending; oldest first, by their
    /// earliest event ascending (the `segments_by_start` index serves the whole-tenant scan).
    /// Ties are broken by first segment in the same direction.
    private func candidateGroups(_ filter: Filter, after: Group?) throws -> [Group] {
        var arguments: StatementArguments = []
        var sources: [String] = []
        for term in filter.terms {
            sources.append("""
                SELECT max_time, min_time, first_segment, last_segment FROM segment_terms
                WHERE tenant = ? AND field = ? AND \(term.condition)
                """)
            arguments += [filter.key, term.field.rawValue]
            arguments += term.arguments
        }
        if sources.isEmpty {
            sources.append("SELECT max_time, min_time, id AS first_segment, id AS last_segment FROM segments WHERE tenant = ?")
            arguments += [filter.key]
        }
        var (conditions, timeArguments) = filter.timeConditions
        arguments += timeArguments
        let (column, comparison, direction) =
            switch order {
            case .newestFirst: ("max_time", "<", "DESC")
            case .oldestFirst: ("min_time", ">", "ASC")
            }
        if let after {
            let time = order == .newestFirst ? after.maxTime : after.minTime
            conditions.append("(\(column) \(comparison) ? OR (\(column) = ? AND first_segment \(comparison) ?))")
            arguments += [time, time, after.first]
        }
        let sql = """
            SELECT DISTINCT max_time, min_time, first_segment, last_segment FROM (\(sources.joined(separator: " INTERSECT ")))
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY \(column) \(direction), first_segment \(direction) LIMIT \(Self.groupBatch)
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            Group(maxTime: row["max_time"], minTime: row["min_time"], first: row["first_segment"], last: row["last_segment"])
        }
    }

    /// The tenant's segments of a group that can hold matches.
    private func segments(of group: Group, _ filter: Filter) throws -> [SegmentIndex] {
        let (timeConditions, timeArguments) = filter.timeConditions
        let conditions = ["id BETWEEN ? AND ?", "tenant = ?"] + timeConditions
        let arguments: StatementArguments = [group.first, group.last, filter.key] + timeArguments
        let sql = "SELECT id, codec, entries FROM segments WHERE \(conditions.joined(separator: " AND "))"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            guard row["codec"] as Int == ZstdCompressor.codec else { throw StoreError.corrupt("a segment uses an unknown codec") }
            return SegmentIndex(id: row["id"], entries: [UInt8](row["entries"] as Data))
        }
    }

    /// Reads the original records of the selected matches and rebuilds their events.
    private func readEvents(_ matches: [Match]) throws -> [Event] {
        var cache: [Int64: [UInt8]] = [:]
        return try matches.map { match in
            if cache[match.segment] == nil {
                if cache.count >= 8 { cache.removeAll() }
                guard let data = try Data.fetchOne(db, sql: "SELECT data FROM segment_records WHERE segment = ?", arguments: [match.segment])
                else { throw StoreError.corrupt("a segment's records are missing") }
                cache[match.segment] = try ZstdDecompressor.decompress([UInt8](data))
            }
            let records = cache[match.segment]!
            let end = match.offset + match.entry.rawLength
            guard end <= records.count else { throw StoreError.corrupt("an event points past the end of its segment") }
            return try Self.event(Array(records[match.offset..<end]), source: match.entry.source, tenant: match.tenant)
        }
    }

    private static func event(_ raw: [UInt8], source: RecordSource, tenant: TenantID) throws -> Event {
        do {
            let record =
                switch source {
                case .unifiedAuditLog: try AuditRecord(unifiedAuditLogJSON: raw)
                case .graphSignIn: try AuditRecord(graphSignInJSON: raw)
                }
            return Event(record: record, tenant: tenant)
        } catch {
            throw StoreError.corrupt("a stored record can no longer be read (\(error))")
        }
    }
}

/// Segments that may hold matches: written together, so posted together.
private struct Group {
    var maxTime: Int64
    var minTime: Int64
    var first: Int64
    var last: Int64

    /// Whether every event of the group comes after an event at `time` in `order` (all
    /// strictly earlier, newest first; all strictly later, oldest first): then neither it nor
    /// any group after it can add to a page ending at `time`.
    func startsBeyond(_ time: Int64, in order: EventOrder) -> Bool {
        switch order {
        case .newestFirst: maxTime < time
        case .oldestFirst: minTime > time
        }
    }
}

/// A segment's compressed index.
private struct SegmentIndex {
    var id: Int64
    var entries: [UInt8]
}

/// An event that matched, before its record is read.
private struct Match {
    var tenant: TenantID
    var segment: Int64
    /// Where the event's record starts among its segment's decompressed records.
    var offset: Int
    var entry: Segment.Entry

    /// Whether this match comes before `other` in `order`: newest (or oldest) first; then
    /// tenant ascending; then record id descending (or ascending).
    func precedes(_ other: Match, in order: EventOrder) -> Bool {
        switch order {
        case .newestFirst:
            if entry.time != other.entry.time { return entry.time > other.entry.time }
            if tenant != other.tenant { return tenant < other.tenant }
            return other.entry.id < entry.id
        case .oldestFirst:
            if entry.time != other.entry.time { return entry.time < other.entry.time }
            if tenant != other.tenant { return tenant < other.tenant }
            return entry.id < other.entry.id
        }
    }
}

/// A query resolved for one tenant: interned ids instead of names, and the cursor's bound.
private struct Filter {
    /// One posted-term condition.
    struct Term {
        var field: TermField
        var condition: String
        var arguments: StatementArguments
    }

    let tenant: TenantID
    let key: Int64
    var terms: [Term] = []
    var actor: Int64?
    var operations: Set<Int64>?
    var workloads: Set<Int64>?
    var network: IPNetwork?
    var since: Int64?
    var until: Int64?
    let order: EventOrder
    var cursor: EventCursor?

    /// Resolves `query` for one tenant; `nil` when nothing in the tenant can match (a named
    /// user or operation it has never seen).
    init?(query: EventQuery, tenant: TenantID, key: Int64, cursor: EventCursor?, db: Database) throws {
        self.tenant = tenant
        self.key = key
        self.cursor = cursor
        order = query.order
        since = query.since?.millisecondsSince1970
        until = query.until?.millisecondsSince1970
        if let name = query.actor {
            guard let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM names WHERE tenant = ? AND kind = ? AND value = ?",
                arguments: [key, NameKind.actor.rawValue, name.identityLowercased])
            else { return nil }
            actor = id
            terms.append(Term(field: .actor, condition: "term = ?", arguments: [id]))
        }
        if let name = query.operation {
            let ids = try Self.names(.operation, matching: name, tenant: key, db)
            guard !ids.isEmpty else { return nil }
            operations = Set(ids)
            terms.append(Term(field: .operation, condition: "term IN (\(ids.map(String.init).joined(separator: ",")))", arguments: []))
        }
        if let name = query.workload {
            let ids = try Self.names(.workload, matching: name, tenant: key, db)
            guard !ids.isEmpty else { return nil }
            workloads = Set(ids)
            terms.append(Term(field: .workload, condition: "term IN (\(ids.map(String.init).joined(separator: ",")))", arguments: []))
        }
        if let network = query.network {
            self.network = network
            terms.append(Term(
                field: .address, condition: "term BETWEEN ? AND ?",
                arguments: [Data(network.lowerBound.bytes), Data(network.upperBound.bytes)]))
        }
    }

    /// Names equal to `value` ignoring case and a trailing period (`add member to role`
    /// finds `Add member to role.`).
    private static func names(_ kind: NameKind, matching value: String, tenant: Int64, _ db: Database) throws -> [Int64] {
        let lowered = value.identityLowercased
        let bare = lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
        return try Int64.fetchAll(
            db, sql: "SELECT id FROM names WHERE tenant = ? AND kind = ? AND lower(value) IN (?, ?)",
            arguments: [tenant, kind.rawValue, bare, bare + "."])
    }

    /// SQL conditions on `min_time` and `max_time` (of a segment or a group of segments)
    /// that keep only those able to hold an event in the time range and after the cursor:
    /// newest first, one that starts at or before the cursor's time; oldest first, one that
    /// ends at or after it.
    var timeConditions: (conditions: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let since {
            conditions.append("max_time >= ?")
            arguments += [since]
        }
        if let until {
            conditions.append("min_time < ?")
            arguments += [until]
        }
        if let cursor {
            conditions.append(order == .newestFirst ? "min_time <= ?" : "max_time >= ?")
            arguments += [cursor.time.millisecondsSince1970]
        }
        return (conditions, arguments)
    }

    /// Whether an event of this tenant matches, including coming after the cursor.
    func accepts(_ entry: Segment.Entry) -> Bool {
        if let actor, entry.actor != actor { return false }
        if let operations, !operations.contains(entry.operation) { return false }
        if let workloads, !workloads.contains(entry.workload) { return false }
        if let network {
            guard let address = entry.address, network.contains(address) else { return false }
        }
        if let since, entry.time < since { return false }
        if let until, entry.time >= until { return false }
        guard let cursor else { return true }
        // After the cursor in the page order: beyond its time, or at its time in a later tenant,
        // or in its tenant beyond its record id.
        let time = cursor.time.millisecondsSince1970
        switch order {
        case .newestFirst:
            if tenant == cursor.tenant { return entry.time < time || (entry.time == time && entry.id < cursor.id) }
            return tenant > cursor.tenant ? entry.time <= time : entry.time < time
        case .oldestFirst:
            if tenant == cursor.tenant { return entry.time > time || (entry.time == time && entry.id > cursor.id) }
            return tenant > cursor.tenant ? entry.time >= time : entry.time > time
        }
    }
}
