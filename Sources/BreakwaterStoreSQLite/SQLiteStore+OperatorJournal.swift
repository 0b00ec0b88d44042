public import BreakwaterModel
public import BreakwaterStore
import GRDB

extension SQLiteStore: OperatorJournal {
    public func record(_ action: OperatorAction) async throws {
        try await writer.write { db in
            let key = try action.tenant.map { try TenantKeys.recordedKey(of: $0, db) }
            try db.execute(
                sql: "INSERT INTO operator_actions (tenant, at, actor, action, details) VALUES (?, ?, ?, ?, ?)",
                arguments: [key, action.at.millisecondsSince1970, action.actor, action.action, action.details])
        }
    }

    public func operatorActions(in scope: TenantScope, limit: Int) async throws -> [OperatorAction] {
        try await writer.read { db in
            let tenants = Dictionary(uniqueKeysWithValues: try TenantKeys.keys(in: scope, db).map { ($0.key, $0.tenant) })
            var filter = tenants.keys.map(String.init).joined(separator: ",")
            filter = filter.isEmpty ? "0" : filter
            let anyTenant = scope == .all ? " OR tenant IS NULL" : ""
            return try Row.fetchAll(
                db, sql: "SELECT * FROM operator_actions WHERE tenant IN (\(filter))\(anyTenant) ORDER BY id DESC LIMIT ?", arguments: [limit]
            ).map { row in
                OperatorAction(
                    tenant: (row["tenant"] as Int64?).flatMap { tenants[$0] }, at: Timestamp(millisecondsSince1970: row["at"]),
                    actor: row["actor"], action: row["action"], details: row["details"])
            }
        }
    }
}
