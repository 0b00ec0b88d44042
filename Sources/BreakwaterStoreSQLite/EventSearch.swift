import BreakwaterModel
import BreakwaterStore
import Foundation
import GRDB

/// Reads pages of events, newest first, across the tenants a query may see.
///
/// Each tenant is queried on its own — every index leads with the tenant, so each query
/// walks an index in time order and stops after a page — and the per-tenant pages are
/// merged. Order: time descending, then tenant, then record id descending.
struct EventSearch {
    let db: Database
    let query: EventQuery

    func page(after cursor: EventCursor?, limit: Int) throws -> EventPage {
        let limit = max(1, limit)
        var rows: [EventRow] = []
        for (tenant, key) in try TenantKeys.keys(in: query.scope, db) {
            rows += try tenantRows(tenant: tenant, key: key, after: cursor, limit: limit + 1)
        }
        rows.sort { lhs, rhs in
            if lhs.time != rhs.time { return lhs.time > rhs.time }
            if lhs.tenant != rhs.tenant { return lhs.tenant < rhs.tenant }
            return lhs.id > rhs.id
        }
        let hasMore = rows.count > limit
        let pageRows = rows.prefix(limit)
        var chunks = ChunkCache(db: db)
        let events = try pageRows.map { row in try row.event(reading: &chunks) }
        let next = hasMore ? pageRows.last.map { EventCursor(time: Timestamp(millisecondsSince1970: $0.time), tenant: $0.tenant, id: $0.id) } : nil
        return EventPage(events: events, next: next)
    }

    /// Up to `limit` rows of one tenant after the cursor.
    private func tenantRows(tenant: TenantID, key: Int64, after cursor: EventCursor?, limit: Int) throws -> [EventRow] {
        var conditions = ["tenant = ?"]
        var arguments: StatementArguments = [key]
        if let actor = query.actor {
            guard let id = try nameIDs(.actor, key, exactly: actor.identityLowercased).first else { return [] }
            conditions.append("actor = ?")
            arguments += [id]
        }
        if let operation = query.operation {
            let ids = try nameIDs(.operation, key, ignoringCase: operation)
            guard !ids.isEmpty else { return [] }
            conditions.append("operation IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        if let workload = query.workload {
            let ids = try nameIDs(.workload, key, ignoringCase: workload)
            guard !ids.isEmpty else { return [] }
            conditions.append("workload IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        if let network = query.network {
            conditions.append("ip BETWEEN ? AND ?")
            arguments += [Data(network.lowerBound.bytes), Data(network.upperBound.bytes)]
        }
        if let since = query.since {
            conditions.append("time >= ?")
            arguments += [since.millisecondsSince1970]
        }
        if let until = query.until {
            conditions.append("time < ?")
            arguments += [until.millisecondsSince1970]
        }
        if let cursor {
            let time = cursor.time.millisecondsSince1970
            if tenant == cursor.tenant {
                conditions.append("(time < ? OR (time = ? AND record_id < ?))")
                arguments += [time, time, cursor.id.databaseValue]
            } else if tenant > cursor.tenant {
                conditions.append("time <= ?")
                arguments += [time]
            } else {
                conditions.append("time < ?")
                arguments += [time]
            }
        }
        let sql = """
            SELECT time, record_id, kind, outcome, source, chunk, slot FROM events
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY time DESC, record_id DESC LIMIT \(limit)
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            EventRow(
                tenant: tenant, time: row["time"], id: try RecordID(databaseValue: row["record_id"]),
                source: RecordSource(rawValue: row["source"]) ?? .unifiedAuditLog, chunk: row["chunk"], slot: row["slot"])
        }
    }

    private func nameIDs(_ kind: NameKind, _ tenant: Int64, exactly value: String) throws -> [Int64] {
        try Int64.fetchAll(
            db, sql: "SELECT id FROM names WHERE tenant = ? AND kind = ? AND value = ?", arguments: [tenant, kind.rawValue, value])
    }

    /// Names equal to `value` ignoring case and a trailing period (`add member to role`
    /// finds `Add member to role.`).
    private func nameIDs(_ kind: NameKind, _ tenant: Int64, ignoringCase value: String) throws -> [Int64] {
        let bare = value.hasSuffix(".") ? String(value.dropLast()) : value
        return try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM names WHERE tenant = ? AND kind = ?
                AND (value = ? COLLATE NOCASE OR value = ? COLLATE NOCASE)
                """,
            arguments: [tenant, kind.rawValue, bare, bare + "."])
    }
}

/// One event row, before its record is read back.
private struct EventRow {
    var tenant: TenantID
    var time: Int64
    var id: RecordID
    var source: RecordSource
    var chunk: Int64
    var slot: Int

    func event(reading chunks: inout ChunkCache) throws -> Event {
        let raw = try chunks.contents(of: chunk).record(at: slot)
        let record: AuditRecord
        do {
            switch source {
            case .unifiedAuditLog: record = try AuditRecord(unifiedAuditLogJSON: raw)
            case .graphSignIn: record = try AuditRecord(graphSignInJSON: raw)
            }
        } catch {
            throw StoreError.corrupt("a stored record can no longer be read (\(error))")
        }
        return Event(record: record, tenant: tenant)
    }
}

/// The few most recently read chunks, decompressed: the events of one page usually share
/// chunks, and a page never holds more than a few chunks in memory.
struct ChunkCache {
    static let capacity = 8

    let db: Database
    private var entries: [(id: Int64, contents: RawChunk.Contents)] = []

    init(db: Database) {
        self.db = db
    }

    mutating func contents(of id: Int64) throws -> RawChunk.Contents {
        if let index = entries.firstIndex(where: { $0.id == id }) {
            return entries[index].contents
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT codec, data FROM raw_chunks WHERE id = ?", arguments: [id]) else {
            throw StoreError.corrupt("an event's raw record is missing")
        }
        guard row["codec"] as Int == RawChunk.zstdCodec else { throw StoreError.corrupt("a chunk uses an unknown codec") }
        let contents = try RawChunk.Contents(decoding: try ZstdDecompressor.decompress([UInt8](row["data"] as Data)))
        if entries.count == Self.capacity { entries.removeFirst() }
        entries.append((id, contents))
        return contents
    }
}

extension RecordID {
    /// The stored form: a sixteen-byte blob for GUIDs, text otherwise.
    var databaseValue: DatabaseValue {
        switch self {
        case .guid: Data(storageBytes).databaseValue
        case .text(let text): text.databaseValue
        }
    }

    init(databaseValue: DatabaseValue) throws {
        switch databaseValue.storage {
        case .blob(let data):
            guard let id = RecordID(guidBytes: data) else { throw StoreError.corrupt("a stored record id is not a GUID") }
            self = id
        case .string(let text):
            self = .text(text)
        default:
            throw StoreError.corrupt("a stored record id has the wrong type")
        }
    }
}
