import BreakwaterModel
import BreakwaterStore
import GRDB

/// Turns a tenant scope into the compact keys of the tenants the archive holds.
enum TenantKeys {
    /// The tenants of `scope` that the archive knows, ordered by tenant id.
    static func keys(in scope: TenantScope, _ db: Database) throws -> [(tenant: TenantID, key: Int64)] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, tenant_guid FROM tenants")
        return rows.compactMap { row -> (TenantID, Int64)? in
            guard let tenant = TenantID(row["tenant_guid"] as String), scope.contains(tenant) else { return nil }
            return (tenant, row["id"])
        }
        .sorted { $0.0 < $1.0 }
    }
}
