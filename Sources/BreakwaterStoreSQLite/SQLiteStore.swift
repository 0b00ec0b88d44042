public import BreakwaterStore
import Foundation
import GRDB
import Synchronization

/// The embedded archive: one SQLite file in WAL mode, through GRDB.
///
/// Readers never block the writer and the writer never blocks readers; several processes may
/// share the file (writes take turns, waiting up to a minute for one another). See
/// ``Store`` for the promises every engine keeps.
public final class SQLiteStore: Store {
    let writer: any DatabaseWriter
    let caches = Mutex(WriteCaches())
    let importLocks: ImportRunLocks?

    /// Opens (creating if needed) the archive at `path` and brings its schema up to date.
    ///
    /// - Throws: ``StoreError`` `.cannotOpen` with the reason, or `.newerSchema` when the
    ///   file was written by a newer Breakwater.
    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StoreError(code: .cannotOpen, message: "Cannot open the archive at \(path): \(Self.reason(error))", underlying: error)
        }
        importLocks = ImportRunLocks(path: path + ".imports.lock")
        try migrate()
    }

    /// An archive in memory, gone when the store is released: for tests and throwaway runs.
    public init() throws {
        writer = try DatabaseQueue(configuration: Self.configuration())
        importLocks = nil
        try migrate()
    }

    private func migrate() throws {
        let migrator = Self.migrator
        do {
            if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError(
                    code: .newerSchema, message: "The archive was written by a newer version of Breakwater; upgrade to read it.")
            }
            try migrator.migrate(writer)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(code: .cannotOpen, message: "Cannot prepare the archive: \(Self.reason(error))", underlying: error)
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync: a crash of the process never loses a committed batch; a
            // power cut may lose the last few, which a re-read brings back (de-duplicated).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode)" }
        return String(describing: error)
    }

    // MARK: - Store

    @discardableResult
    public func write(_ batch: ArchiveBatch) async throws -> ArchiveWriteResult {
        do {
            return try await writer.write { db in
                try self.caches.withLock { caches in
                    var writer = ArchiveWriter(db: db, caches: caches)
                    let result = try writer.write(batch)
                    caches = writer.caches
                    return result
                }
            }
        } catch {
            // Ids cached during a transaction that did not commit must not be used again.
            caches.withLock { $0 = WriteCaches() }
            throw error
        }
    }

    public func events(matching query: EventQuery, after cursor: EventCursor?, limit: Int) async throws -> EventPage {
        try await writer.read { db in try EventSearch(db: db, query: query).page(after: cursor, limit: limit) }
    }

    public func quarantinedRecords(in scope: TenantScope, limit: Int) async throws -> [QuarantinedRecord] {
        try await writer.read { db in try QuarantineReader(db: db).records(in: scope, limit: limit) }
    }

    public func eventCount(in scope: TenantScope) async throws -> Int {
        try await writer.read { db in
            let keys = try TenantKeys.keys(in: scope, db).map(\.key)
            guard !keys.isEmpty else { return 0 }
            let list = keys.map(String.init).joined(separator: ",")
            return try Int.fetchOne(db, sql: "SELECT coalesce(sum(event_count), 0) FROM segments WHERE tenant IN (\(list))") ?? 0
        }
    }

    public func beginImport(of source: ImportSource) async throws -> ImportRun {
        try await writer.write { db in try ImportJournal(db: db, locks: self.importLocks).begin(source) }
    }

    public func finishImport(_ run: ImportRun.ID) async throws -> ImportTotals {
        try await writer.write { db in try ImportJournal(db: db, locks: self.importLocks).finish(run) }
    }
}
