import BreakwaterModel
import BreakwaterStore
import Foundation
import GRDB

/// Reads quarantined records back, newest first.
struct QuarantineReader {
    let db: Database

    /// Records of the tenants in `scope`; records of unknown tenant only for `.all`.
    func records(in scope: TenantScope, limit: Int) throws -> [QuarantinedRecord] {
        let keys = try TenantKeys.keys(in: scope, db)
        let tenantsByKey = Dictionary(uniqueKeysWithValues: keys.map { ($0.key, $0.tenant) })
        var condition = keys.isEmpty ? "0" : "tenant IN (\(keys.map { String($0.key) }.joined(separator: ",")))"
        if scope == .all { condition = "(\(condition) OR tenant IS NULL)" }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT tenant, source_name, source_fingerprint, line, byte_offset, reason_code, reason, raw, length
                FROM quarantine WHERE \(condition) ORDER BY id DESC LIMIT ?
                """,
            arguments: [max(0, limit)])
        return rows.map { row in
            QuarantinedRecord(
                tenant: (row["tenant"] as Int64?).flatMap { tenantsByKey[$0] },
                source: SourceReference(name: row["source_name"], fingerprint: row["source_fingerprint"]),
                position: SourcePosition(line: row["line"], byteOffset: row["byte_offset"]),
                reason: QuarantineReason(code: row["reason_code"], message: row["reason"]),
                raw: [UInt8](row["raw"] as Data), length: row["length"])
        }
    }
}
