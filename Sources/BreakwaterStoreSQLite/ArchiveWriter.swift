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
/// The event rows go through one prepared statement bound with SQLite's C API: this loop
/// runs for every record of every import, and the generic binding layer would cost more
/// than the insert itself.
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
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO events
                (tenant, time, record_id, actor, ip, operation, workload, record_type, kind, outcome, source, chunk, slot)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var nextChunkID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM raw_chunks") ?? 1
        var builders: [Int64: RawChunk.Builder] = [:]
        let compressor = ZstdCompressor()
        var inserted: [Bool] = []
        inserted.reserveCapacity(batch.events.count)

        for event in batch.events {
            let tenant = try tenantKey(event.tenant)
            let builder: RawChunk.Builder
            if let current = builders[tenant], !current.isFull {
                builder = current
            } else {
                if let full = builders[tenant] { try store(full, compressor) }
                builder = RawChunk.Builder(id: nextChunkID, tenant: tenant)
                nextChunkID += 1
                builders[tenant] = builder
            }
            let isNew = try insertEvent(event, tenant: tenant, chunk: builder.id, slot: builder.count, statement: insert)
            if isNew { builder.append(event.record.raw) }
            inserted.append(isNew)
        }
        for builder in builders.values where builder.count > 0 {
            try store(builder, compressor)
        }
        for record in batch.quarantined {
            try quarantine(record)
        }
        if let progress = batch.importProgress {
            var totals = progress.totals
            totals.add(ArchiveWriteResult(inserted: inserted), of: batch.events)
            try ImportJournal(db: db, locks: nil).record(progress.run, resumePoint: progress.resumePoint, totals: totals)
        }
        return ArchiveWriteResult(inserted: inserted)
    }

    /// Inserts one event row unless the archive has it; returns whether it was new.
    private mutating func insertEvent(_ event: Event, tenant: Int64, chunk: Int64, slot: Int, statement: Statement) throws -> Bool {
        let actor = try event.actor.map { try nameID(.actor, $0, tenant: tenant) }
        let operation = try nameID(.operation, event.operation, tenant: tenant)
        let workload = try event.workload.map { try nameID(.workload, $0, tenant: tenant) }
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, tenant)
        sqlite3_bind_int64(handle, 2, event.time.millisecondsSince1970)
        bindOptional(handle, 4, actor)
        sqlite3_bind_int64(handle, 6, operation)
        bindOptional(handle, 7, workload)
        sqlite3_bind_int64(handle, 8, Int64(event.recordType.rawValue))
        sqlite3_bind_int64(handle, 9, Int64(event.kind.rawValue))
        sqlite3_bind_int64(handle, 10, Int64(event.outcome.storageCode))
        sqlite3_bind_int64(handle, 11, Int64(event.record.source.rawValue))
        sqlite3_bind_int64(handle, 12, chunk)
        sqlite3_bind_int64(handle, 13, Int64(slot))
        let result = withRecordIDBound(event.id, to: handle, index: 3) {
            withAddressBound(event.sourceIP, to: handle, index: 5) { sqlite3_step(handle) }
        }
        guard result == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(connection)))
        }
        return sqlite3_changes(connection) == 1
    }

    private func store(_ builder: RawChunk.Builder, _ compressor: ZstdCompressor) throws {
        let data = try compressor.compress(builder.encoded())
        try db.execute(
            sql: "INSERT INTO raw_chunks (id, tenant, codec, record_count, data) VALUES (?, ?, ?, ?, ?)",
            arguments: [builder.id, builder.tenant, RawChunk.zstdCodec, builder.count, Data(data)])
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
        let guid = tenant.description
        try db.execute(sql: "INSERT INTO tenants (tenant_guid) VALUES (?) ON CONFLICT DO NOTHING", arguments: [guid])
        guard let key = try Int64.fetchOne(db, sql: "SELECT id FROM tenants WHERE tenant_guid = ?", arguments: [guid]) else {
            throw StoreError.corrupt("a tenant could not be recorded")
        }
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

private func bindOptional(_ handle: OpaquePointer, _ index: Int32, _ value: Int64?) {
    if let value {
        sqlite3_bind_int64(handle, index, value)
    } else {
        sqlite3_bind_null(handle, index)
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

/// Binds an address as sixteen bytes (or NULL) for the duration of `body`.
func withAddressBound<T>(_ address: IPAddress?, to handle: OpaquePointer, index: Int32, _ body: () -> T) -> T {
    guard let address else {
        sqlite3_bind_null(handle, index)
        return body()
    }
    let big = (address.high.bigEndian, address.low.bigEndian)
    return withUnsafeBytes(of: big) { bytes in
        sqlite3_bind_blob(handle, index, bytes.baseAddress, 16, nil)
        return body()
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
