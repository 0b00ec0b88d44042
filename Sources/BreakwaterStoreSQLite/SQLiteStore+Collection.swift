public import BreakwaterModel
public import BreakwaterStore
public import Foundation
import GRDB
import Synchronization

extension SQLiteStore: CollectionStore {
    public func saveTenant(_ tenant: MonitoredTenant) async throws {
        let domains = String(decoding: try JSONEncoder().encode(tenant.domains), as: UTF8.self)
        try await writer.write { db in
            let key = try TenantKeys.recordedKey(of: tenant.id, db)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO monitored_tenants
                        (tenant, display_name, domains, client_id, cloud, publisher_id, credential_kind, sealed_credential, certificate, added_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key, tenant.displayName, domains, tenant.clientID, tenant.cloud, tenant.publisherID.description,
                    tenant.credential.kind.rawValue, tenant.credential.sealed, tenant.credential.certificate,
                    tenant.addedAt.millisecondsSince1970,
                ])
        }
    }

    public func monitoredTenants(in scope: TenantScope) async throws -> [MonitoredTenant] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.tenant_guid, m.* FROM monitored_tenants m JOIN tenants t ON t.id = m.tenant ORDER BY m.display_name, t.tenant_guid
                """)
            return try rows.compactMap { row in
                guard let id = TenantID(row["tenant_guid"] as String) else { throw StoreError.corrupt("a monitored tenant's row is damaged") }
                guard scope.contains(id) else { return nil }
                guard let publisher = TenantID(row["publisher_id"] as String),
                    let kind = SealedCredential.Kind(rawValue: row["credential_kind"]),
                    let domains = try? JSONDecoder().decode([String].self, from: Data((row["domains"] as String).utf8))
                else { throw StoreError.corrupt("a monitored tenant's row is damaged") }
                return MonitoredTenant(
                    id: id, displayName: row["display_name"], domains: domains, clientID: row["client_id"], cloud: row["cloud"],
                    publisherID: publisher,
                    credential: SealedCredential(kind: kind, sealed: row["sealed_credential"], certificate: row["certificate"]),
                    addedAt: Timestamp(millisecondsSince1970: row["added_at"]))
            }
        }
    }

    @discardableResult
    public func removeTenant(_ tenant: TenantID) async throws -> Bool {
        try await writer.write { db in
            guard let key = try TenantKeys.key(of: tenant, db) else { return false }
            try db.execute(sql: "DELETE FROM monitored_tenants WHERE tenant = ?", arguments: [key])
            return db.changesCount > 0
        }
    }

    public func checkpoint(of stream: CollectionStream, tenant: TenantID) async throws -> CollectionCheckpoint? {
        try await writer.read { db in
            guard let key = try TenantKeys.key(of: tenant, db),
                let row = try Row.fetchOne(
                    db, sql: "SELECT read_until, newest_content FROM collection_checkpoints WHERE tenant = ? AND stream = ?",
                    arguments: [key, stream.rawValue])
            else { return nil }
            return Self.checkpoint(row)
        }
    }

    public func checkpoints(in scope: TenantScope) async throws -> [(tenant: TenantID, stream: CollectionStream, checkpoint: CollectionCheckpoint)] {
        try await writer.read { db in
            try TenantKeys.keys(in: scope, db).flatMap { tenant, key in
                try Row.fetchAll(
                    db, sql: "SELECT stream, read_until, newest_content FROM collection_checkpoints WHERE tenant = ? ORDER BY stream",
                    arguments: [key]
                ).map { (tenant, CollectionStream(rawValue: $0["stream"]), Self.checkpoint($0)) }
            }
        }
    }

    public func collectedContentIDs(of stream: CollectionStream, tenant: TenantID, since: Timestamp) async throws -> Set<String> {
        try await writer.read { db in
            guard let key = try TenantKeys.key(of: tenant, db) else { return [] }
            return Set(
                try String.fetchAll(
                    db, sql: "SELECT content_id FROM collected_content WHERE tenant = ? AND stream = ? AND content_created >= ?",
                    arguments: [key, stream.rawValue, since.millisecondsSince1970]))
        }
    }

    @discardableResult
    public func recordGap(_ gap: CollectionGap) async throws -> Bool {
        try await writer.write { db in
            let key = try TenantKeys.recordedKey(of: gap.tenant, db)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO collection_gaps (tenant, stream, start_time, end_time, content_id, reason, detected_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key, gap.stream.rawValue, gap.start.millisecondsSince1970, gap.end.millisecondsSince1970, gap.contentID ?? "", gap.reason,
                    gap.detectedAt.millisecondsSince1970,
                ])
            return db.changesCount > 0
        }
    }

    public func gaps(in scope: TenantScope) async throws -> [CollectionGap] {
        try await writer.read { db in
            try TenantKeys.keys(in: scope, db).flatMap { tenant, key in
                try Row.fetchAll(db, sql: "SELECT * FROM collection_gaps WHERE tenant = ?", arguments: [key]).map { row in
                    let content: String = row["content_id"]
                    return CollectionGap(
                        tenant: tenant, stream: CollectionStream(rawValue: row["stream"]),
                        start: Timestamp(millisecondsSince1970: row["start_time"]), end: Timestamp(millisecondsSince1970: row["end_time"]),
                        contentID: content.isEmpty ? nil : content, reason: row["reason"],
                        detectedAt: Timestamp(millisecondsSince1970: row["detected_at"]))
                }
            }
            .sorted { ($0.start, $0.stream.rawValue) > ($1.start, $1.stream.rawValue) }
        }
    }

    public func detectionState(of tenant: TenantID) async throws -> Data? {
        try await writer.read { db in
            guard let key = try TenantKeys.key(of: tenant, db) else { return nil }
            return try Data.fetchOne(db, sql: "SELECT state FROM detection_states WHERE tenant = ?", arguments: [key])
        }
    }

    public func alerts(in scope: TenantScope, limit: Int) async throws -> [Alert] {
        try await writer.read { db in
            let keys = try TenantKeys.keys(in: scope, db).map(\.key)
            guard !keys.isEmpty, limit > 0 else { return [] }
            let list = keys.map(String.init).joined(separator: ",")
            let bodies = try Data.fetchAll(
                db, sql: "SELECT body FROM alerts WHERE tenant IN (\(list)) ORDER BY time DESC, alert_id LIMIT ?", arguments: [limit])
            let decoder = JSONDecoder()
            return try bodies.map { body in
                do { return try decoder.decode(Alert.self, from: body) } catch { throw StoreError.corrupt("a stored alert is damaged") }
            }
        }
    }

    public func pendingOutbox(in scope: TenantScope, limit: Int) async throws -> [OutboxMessage] {
        try await writer.read { db in
            try TenantKeys.keys(in: scope, db).flatMap { tenant, key in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM outbox WHERE tenant = ? AND delivered_at IS NULL ORDER BY id LIMIT ?", arguments: [key, limit]
                ).map { row in
                    OutboxMessage(
                        tenant: tenant, kind: row["kind"], key: row["key"], payload: row["payload"],
                        createdAt: Timestamp(millisecondsSince1970: row["created_at"]))
                }
            }
            .sorted { $0.createdAt < $1.createdAt }
            .prefix(limit)
            .map { $0 }
        }
    }

    public func commit(_ batch: CollectedBatch, deriving: @Sendable ([Event]) throws -> BatchConsequences) async throws -> CollectedCommit {
        do {
            return try await writer.write { db in
                let (written, key) = try self.caches.withLock { caches in
                    var writer = ArchiveWriter(db: db, caches: caches)
                    let result = try writer.write(ArchiveBatch(events: batch.events, quarantined: batch.quarantined))
                    let key = try writer.tenantKey(batch.tenant)
                    caches = writer.caches
                    return (result, key)
                }
                let newEvents = zip(batch.events, written.inserted).compactMap { $1 ? $0 : nil }
                let consequences = try deriving(newEvents)
                guard consequences.alerts.allSatisfy({ $0.tenant == batch.tenant }), consequences.outbox.allSatisfy({ $0.tenant == batch.tenant }) else {
                    throw StoreError(code: .tenantMismatch, message: "a batch of tenant \(batch.tenant) led to alerts or messages of another tenant")
                }
                let now = Timestamp(Date()).millisecondsSince1970
                if let state = consequences.detectionState {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO detection_states (tenant, state, updated_at) VALUES (?, ?, ?)", arguments: [key, state, now])
                }
                let insertedAlerts = try Self.insert(consequences.alerts, tenant: key, db)
                for message in consequences.outbox {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO outbox (tenant, key, kind, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [key, message.key, message.kind, message.payload, message.createdAt.millisecondsSince1970])
                }
                if let content = batch.content {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO collected_content (tenant, stream, content_created, content_id) VALUES (?, ?, ?, ?)",
                        arguments: [key, batch.stream.rawValue, content.created.millisecondsSince1970, content.id])
                }
                if let checkpoint = batch.checkpoint {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO collection_checkpoints (tenant, stream, read_until, newest_content, updated_at)
                            VALUES (?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            key, batch.stream.rawValue, checkpoint.readUntil.millisecondsSince1970, checkpoint.newestContent?.millisecondsSince1970,
                            now,
                        ])
                }
                return CollectedCommit(
                    insertedEvents: written.insertedCount, duplicateEvents: written.duplicateCount, insertedAlerts: insertedAlerts)
            }
        } catch {
            // Ids cached during a transaction that did not commit must not be used again.
            caches.withLock { $0 = WriteCaches() }
            throw error
        }
    }

    /// Stores alerts (of the tenant keyed `tenant`) not stored before; returns how many were new.
    private static func insert(_ alerts: [Alert], tenant: Int64, _ db: Database) throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var inserted = 0
        for alert in alerts {
            try db.execute(
                sql: "INSERT OR IGNORE INTO alerts (tenant, alert_id, time, body) VALUES (?, ?, ?, ?)",
                arguments: [tenant, alert.id, alert.time.millisecondsSince1970, try encoder.encode(alert)])
            inserted += db.changesCount
        }
        return inserted
    }

    private static func checkpoint(_ row: Row) -> CollectionCheckpoint {
        CollectionCheckpoint(
            readUntil: Timestamp(millisecondsSince1970: row["read_until"]),
            newestContent: (row["newest_content"] as Int64?).map { Timestamp(millisecondsSince1970: $0) })
    }
}
