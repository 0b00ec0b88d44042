import BreakwaterModel
import BreakwaterStore
import Foundation
import GRDB

/// The import journal: which files have been imported, how far, and with what totals.
struct ImportJournal {
    let db: Database
    /// `nil` for an in-memory store, which only one process can see.
    let locks: ImportRunLocks?

    /// Resumes the newest unfinished run of `source` that no live import holds, or starts a
    /// new run.
    func begin(_ source: ImportSource) throws -> ImportRun {
        let tenantOption = source.tenantOption ?? ""
        let unfinished = try Row.fetchAll(
            db,
            sql: """
                SELECT id, resume_offset, resume_line, resume_state, totals FROM import_runs
                WHERE fingerprint = ? AND tenant_option = ? AND finished_at IS NULL
                ORDER BY id DESC
                """,
            arguments: [source.reference.fingerprint, tenantOption])
        for row in unfinished {
            let id = ImportRun.ID(rawValue: row["id"])
            guard locks?.acquire(id) ?? true else { continue }
            let totals = try Self.decode(row["totals"])
            return ImportRun(
                id: id, resumePoint: ResumePoint(byteOffset: row["resume_offset"], line: row["resume_line"], state: row["resume_state"]),
                totals: totals, isResumed: true)
        }
        try db.execute(
            sql: "INSERT INTO import_runs (fingerprint, tenant_option, path, format, started_at, totals) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                source.reference.fingerprint, tenantOption, source.reference.name, source.format, Timestamp(Date()).millisecondsSince1970,
                try Self.encode(ImportTotals()),
            ])
        let id = ImportRun.ID(rawValue: db.lastInsertedRowID)
        _ = locks?.acquire(id)
        return ImportRun(id: id, resumePoint: .start, totals: ImportTotals(), isResumed: false)
    }

    /// Records how far a run has got and adds a batch's counts to its totals; called in the
    /// transaction of the batch it covers.
    func record(_ run: ImportRun.ID, resumePoint: ResumePoint, adding counts: ImportTotals) throws {
        var totals = try self.totals(of: run)
        totals.merge(counts)
        try db.execute(
            sql: "UPDATE import_runs SET resume_offset = ?, resume_line = ?, resume_state = ?, totals = ? WHERE id = ?",
            arguments: [resumePoint.byteOffset, resumePoint.line, resumePoint.state, try Self.encode(totals), run.rawValue])
    }

    /// Marks a run finished, lets go of it and returns its totals.
    func finish(_ run: ImportRun.ID) throws -> ImportTotals {
        let totals = try self.totals(of: run)
        try db.execute(
            sql: "UPDATE import_runs SET finished_at = ? WHERE id = ?",
            arguments: [Timestamp(Date()).millisecondsSince1970, run.rawValue])
        locks?.release(run)
        return totals
    }

    private func totals(of run: ImportRun.ID) throws -> ImportTotals {
        guard let text = try String.fetchOne(db, sql: "SELECT totals FROM import_runs WHERE id = ?", arguments: [run.rawValue]) else {
            throw StoreError(code: .unknownImportRun, message: "Import run \(run.rawValue) is not in the journal.")
        }
        return try Self.decode(text)
    }

    private static func decode(_ text: String) throws -> ImportTotals {
        try JSONDecoder().decode(ImportTotals.self, from: Data(text.utf8))
    }

    private static func encode(_ totals: ImportTotals) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(totals), as: UTF8.self)
    }
}
