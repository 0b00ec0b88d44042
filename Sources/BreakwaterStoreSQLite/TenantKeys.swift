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

extension TenantKeys {
    /// The compact key of `tenant`, or `nil` when the archive has never seen it.
    static func key(of tenant: TenantID, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM tenants WHERE tenant_guid = ?", arguments: [tenant.description])
    }

    /// The compact key of `tenant`, recording the tenant on first sight.
    static func recordedKey(of tenant: TenantID, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO tenants (tenant_guid) VALUES (?) ON CONFLICT DO NOTHING", arguments: [tenant.description])
        guard let key = try key(of: tenant, db) else { throw StoreError.corrupt("a tenant could not be recorded") }
        return key
    }
}
