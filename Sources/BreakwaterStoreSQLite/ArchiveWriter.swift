import BreakwaterModel
import BreakwaterStore
import Foundation
import GRDB
import GRDBSQLite

/// Ids the writer has already looked up, kept between batches.
///
/// Valid only for what committed transactions wrote: the store drops them when a write fails.
struct WriteCaches: Sendable {
    var tenantKeys: [TenantID: Int64] = [:]
    var names: [NameKey: Int64] = [:]

    struct NameKey: Hashable, Sendable {
        var tenant: Int64
        var kind: NameKind
        var value: String
    }
}

/// What an interned name is.
enum NameKind: Int, Sendable {
    case actor = 0
    case operation = 1
    case workload = 2
}

/// Writes one ``ArchiveBatch`` inside the transaction GRDB opened for it.
///
/// Each event costs one insert into the de-duplication key; the events that are new are
/// gathered into segments of their tenant, which are written whole. The key inserts go
/// through one prepared statement bound with SQLite's C API: this loop runs for every
/// record of every import, and the generic binding layer would cost more than the insert.
struct ArchiveWriter {
    let db: Database
    var caches: WriteCaches
    private let connection: OpaquePointer

    init(db: Database, caches: WriteCaches) {
        self.db = db
        self.caches = caches
        connection = db.sqliteConnection!
    }

    /// Writes the batch; afterwards ``caches`` holds every id looked up.
    mutating func write(_ batch: ArchiveBatch) throws -> ArchiveWriteResult {
        let keyStatement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO record_keys (tenant, time, record_id, segment, slot) VALUES (?, ?, ?, ?, ?)
            """)
        var nextSegmentID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM segments") ?? 1
        var builders: [Int64: Segment.Builder] = [:]
        var groups: [Int64: SegmentGroup] = [:]
        let compressor = ZstdCompressor()
        var inserted: [Bool] = []
        inserted.reserveCapacity(batch.events.count)

        for event in batch.events {
            let tenant = try tenantKey(event.tenant)
            let builder: Segment.Builder
            if let current = builders[tenant], !current.isFull {
                builder = current
            } else {
                if let full = builders[tenant] { try store(full, compressor) }
                builder = Segment.Builder(id: nextSegmentID, tenant: tenant)
                nextSegmentID += 1
                builders[tenant] = builder
            }
            let isNew = try insertKey(for: event, tenant: tenant, segment: builder.id, slot: builder.count, statement: keyStatement)
            if isNew {
                let entry = try entry(for: event, tenant: tenant)
                builder.append(entry, raw: event.record.raw)
                groups[tenant, default: SegmentGroup(tenant: tenant)].add(entry, segment: builder.id)
            }
            inserted.append(isNew)
        }
        for builder in builders.values where builder.count > 0 {
            try store(builder, compressor)
        }
        for group in groups.values {
            try post(group)
        }
        for record in batch.quarantined {
            try quarantine(record)
        }
        if let progress = batch.importProgress {
            var counts = progress.read
            counts.add(ArchiveWriteResult(inserted: inserted), of: batch.events)
            try ImportJournal(db: db, locks: nil).record(progress.run, resumePoint: progress.resumePoint, adding: counts)
        }
        return ArchiveWriteResult(inserted: inserted)
    }

    /// Inserts an event's de-duplication key unless the archive has it; returns whether the
    /// event is new.
    private func insertKey(for event: Event, tenant: Int64, segment: Int64, slot: Int, statement: Statement) throws -> Bool {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, tenant)
        sqlite3_bind_int64(handle, 2, event.time.millisecondsSince1970)
        sqlite3_bind_int64(handle, 4, segment)
        sqlite3_bind_int64(handle, 5, Int64(slot))
        let result = withRecordIDBound(event.id, to: handle, index: 3) { sqlite3_step(handle) }
        guard result == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(connection)))
        }
        return sqlite3_changes(connection) == 1
    }

    /// The segment index entry of a new event.
    private mutating func entry(for event: Event, tenant: Int64) throws -> Segment.Entry {
        Segment.Entry(
            time: event.time.millisecondsSince1970, id: event.id,
            actor: try event.actor.map { try nameID(.actor, $0, tenant: tenant) } ?? 0,
            operation: try nameID(.operation, event.operation, tenant: tenant),
            workload: try event.workload.map { try nameID(.workload, $0, tenant: tenant) } ?? 0,
            address: event.sourceIP, recordType: event.recordType.rawValue, kind: event.kind, outcome: event.outcome,
            source: event.record.source, rawLength: event.record.raw.count)
    }

    /// Writes a segment: its index and its records.
    private func store(_ builder: Segment.Builder, _ compressor: ZstdCompressor) throws {
        try db.execute(
            sql: "INSERT INTO segments (id, tenant, min_time, max_time, event_count, codec, entries) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                builder.id, builder.tenant, builder.minimumTime, builder.maximumTime, builder.count, ZstdCompressor.codec,
                Data(try compressor.compress(builder.encodedIndex())),
            ])
        try db.execute(
            sql: "INSERT INTO segment_records (segment, data) VALUES (?, ?)",
            arguments: [builder.id, Data(try compressor.compress(builder.encodedRecords))])
    }

    /// Writes the term postings of a group of segments.
    private func post(_ group: SegmentGroup) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO segment_terms (tenant, field, term, max_time, min_time, first_segment, last_segment)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let handle = statement.sqliteStatement
        func step() throws {
            let result = sqlite3_step(handle)
            guard result == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(connection)))
            }
        }
        func bindGroup(_ field: TermField) {
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 1, group.tenant)
            sqlite3_bind_int64(handle, 2, Int64(field.rawValue))
            sqlite3_bind_int64(handle, 4, group.maximumTime)
            sqlite3_bind_int64(handle, 5, group.minimumTime)
            sqlite3_bind_int64(handle, 6, group.firstSegment)
            sqlite3_bind_int64(handle, 7, group.lastSegment)
        }
        for term in group.numericTerms {
            bindGroup(term.field)
            sqlite3_bind_int64(handle, 3, term.value)
            try step()
        }
        for address in group.addresses {
            bindGroup(.address)
            let bytes = address.bytes
            let result = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, 3, buffer.baseAddress, 16, nil)
                return sqlite3_step(handle)
            }
            guard result == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(connection)))
            }
        }
    }

    private mutating func quarantine(_ record: QuarantinedRecord) throws {
        let tenant = try record.tenant.map { try tenantKey($0) }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO quarantine
                    (tenant, source_name, source_fingerprint, line, byte_offset, reason_code, reason, raw, length, quarantined_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                tenant, record.source.name, record.source.fingerprint, record.position.line, record.position.byteOffset,
                record.reason.code, record.reason.message, Data(record.raw), record.length,
                Timestamp(Date()).millisecondsSince1970,
            ])
    }

    /// The compact key of `tenant`, adding the tenant on first sight.
    mutating func tenantKey(_ tenant: TenantID) throws -> Int64 {
        if let key = caches.tenantKeys[tenant] { return key }
        let key = try TenantKeys.recordedKey(of: tenant, db)
        caches.tenantKeys[tenant] = key
        return key
    }

    /// The id of an interned name, adding it on first sight.
    private mutating func nameID(_ kind: NameKind, _ value: String, tenant: Int64) throws -> Int64 {
        let key = WriteCaches.NameKey(tenant: tenant, kind: kind, value: value)
        if let id = caches.names[key] { return id }
        let arguments: StatementArguments = [tenant, kind.rawValue, value]
        try db.execute(sql: "INSERT INTO names (tenant, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", arguments: arguments)
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM names WHERE tenant = ? AND kind = ? AND value = ?", arguments: arguments) else {
            throw StoreError.corrupt("a name could not be recorded")
        }
        caches.names[key] = id
        return id
    }
}

/// The segments of one tenant written in one batch, with the distinct values they hold:
/// the unit of term postings.
private struct SegmentGroup {
    /// A posted value that is a number (a name id or a kind).
    struct NumericTerm: Hashable {
        var field: TermField
        var value: Int64
    }

    let tenant: Int64
    var firstSegment = Int64.max
    var lastSegment = Int64.min
    var maximumTime = Int64.min
    var minimumTime = Int64.max
    var numericTerms = Set<NumericTerm>()
    var addresses = Set<IPAddress>()

    init(tenant: Int64) {
        self.tenant = tenant
    }

    mutating func add(_ entry: Segment.Entry, segment: Int64) {
        firstSegment = min(firstSegment, segment)
        lastSegment = max(lastSegment, segment)
        maximumTime = max(maximumTime, entry.time)
        minimumTime = min(minimumTime, entry.time)
        if entry.actor != 0 { numericTerms.insert(NumericTerm(field: .actor, value: entry.actor)) }
        numericTerms.insert(NumericTerm(field: .operation, value: entry.operation))
        if entry.workload != 0 { numericTerms.insert(NumericTerm(field: .workload, value: entry.workload)) }
        numericTerms.insert(NumericTerm(field: .kind, value: Int64(entry.kind.rawValue)))
        if let address = entry.address { addresses.insert(address) }
    }
}

/// Binds a record id (sixteen-byte blob for GUIDs, text otherwise) for the duration of `body`.
func withRecordIDBound<T>(_ id: RecordID, to handle: OpaquePointer, index: Int32, _ body: () -> T) -> T {
    switch id {
    case .guid(let uuid):
        return withUnsafeBytes(of: uuid.uuid) { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress, 16, nil)
            return body()
        }
    case .text(let text):
        var text = text
        return text.withUTF8 { bytes in
            sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(bytes.count), nil)
            return body()
        }
    }
}

extension Outcome {
    /// The number stored for an outcome.
    var storageCode: Int {
        switch self {
        case .unknown: 0
        case .succeeded: 1
        case .failed: 2
        }
    }

    init(storageCode: Int) {
        switch storageCode {
        case 1: self = .succeeded
        case 2: self = .failed
        default: self = .unknown
        }
    }
}
