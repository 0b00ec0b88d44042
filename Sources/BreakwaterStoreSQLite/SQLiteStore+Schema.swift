import GRDB

extension SQLiteStore {
    /// The archive's migrations: named, append-only, each in its own transaction.
    ///
    /// - important: Never edit a migration that has shipped; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-archive") { db in
            // Tenants get a compact integer key that leads every other table's keys.
            try db.execute(sql: """
                CREATE TABLE tenants (
                    id INTEGER PRIMARY KEY,
                    tenant_guid TEXT NOT NULL UNIQUE
                );

                -- Interned strings (actors, operations, workloads), per tenant: events store
                -- small integers instead of repeating long UPNs and names.
                CREATE TABLE names (
                    id INTEGER PRIMARY KEY,
                    tenant INTEGER NOT NULL REFERENCES tenants(id),
                    kind INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    UNIQUE (tenant, kind, value)
                );

                -- One row per stored event. The key leads with the tenant and then the time, so
                -- that de-duplication inserts land near the end of the index (records arrive
                -- roughly in time order) instead of at random GUID positions.
                CREATE TABLE events (
                    tenant INTEGER NOT NULL REFERENCES tenants(id),
                    time INTEGER NOT NULL,
                    record_id BLOB NOT NULL,
                    actor INTEGER,
                    ip BLOB,
                    operation INTEGER NOT NULL,
                    workload INTEGER,
                    record_type INTEGER NOT NULL,
                    kind INTEGER NOT NULL,
                    outcome INTEGER NOT NULL,
                    source INTEGER NOT NULL,
                    chunk INTEGER NOT NULL,
                    slot INTEGER NOT NULL,
                    PRIMARY KEY (tenant, time, record_id)
                ) WITHOUT ROWID;
                CREATE INDEX events_by_actor ON events (tenant, actor, time);
                CREATE INDEX events_by_ip ON events (tenant, ip, time);
                CREATE INDEX events_by_operation ON events (tenant, operation, time);

                -- The original records, compressed in chunks of up to a few hundred records of
                -- one tenant; events point at (chunk, slot).
                CREATE TABLE raw_chunks (
                    id INTEGER PRIMARY KEY,
                    tenant INTEGER NOT NULL REFERENCES tenants(id),
                    codec INTEGER NOT NULL,
                    record_count INTEGER NOT NULL,
                    data BLOB NOT NULL
                );

                CREATE TABLE quarantine (
                    id INTEGER PRIMARY KEY,
                    tenant INTEGER REFERENCES tenants(id),
                    source_name TEXT NOT NULL,
                    source_fingerprint TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    byte_offset INTEGER NOT NULL,
                    reason_code TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    raw BLOB NOT NULL,
                    length INTEGER NOT NULL,
                    quarantined_at INTEGER NOT NULL,
                    UNIQUE (source_fingerprint, byte_offset)
                );
                CREATE INDEX quarantine_by_tenant ON quarantine (tenant, id);

                -- The import journal: one row per import of one file; the resume point and
                -- totals are updated in the same transaction as each batch.
                CREATE TABLE import_runs (
                    id INTEGER PRIMARY KEY,
                    fingerprint TEXT NOT NULL,
                    tenant_option TEXT NOT NULL,
                    path TEXT NOT NULL,
                    format TEXT NOT NULL,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    resume_offset INTEGER NOT NULL DEFAULT 0,
                    resume_line INTEGER NOT NULL DEFAULT 1,
                    resume_state INTEGER NOT NULL DEFAULT 0,
                    totals TEXT NOT NULL DEFAULT '{}'
                );
                CREATE INDEX import_runs_unfinished ON import_runs (fingerprint, tenant_option) WHERE finished_at IS NULL;
                """)
        }
        return migrator
    }
}
