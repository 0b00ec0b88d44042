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

                -- Events are stored in segments of up to a few hundred events of one tenant
                -- (see Segment.swift): a compressed index of their searchable fields here, their
                -- original records compressed together in segment_records.
                CREATE TABLE segments (
                    id INTEGER PRIMARY KEY,
                    tenant INTEGER NOT NULL REFERENCES tenants(id),
                    min_time INTEGER NOT NULL,
                    max_time INTEGER NOT NULL,
                    event_count INTEGER NOT NULL,
                    codec INTEGER NOT NULL,
                    entries BLOB NOT NULL
                );
                CREATE INDEX segments_by_time ON segments (tenant, max_time);

                CREATE TABLE segment_records (
                    segment INTEGER PRIMARY KEY REFERENCES segments(id),
                    data BLOB NOT NULL
                );

                -- Which segments may hold a given user, address, operation, workload or kind:
                -- one row per distinct value per group of segments written together (the
                -- segments of one tenant in one batch), ordered for newest-first scans.
                CREATE TABLE segment_terms (
                    tenant INTEGER NOT NULL,
                    field INTEGER NOT NULL,
                    term NOT NULL,
                    max_time INTEGER NOT NULL,
                    min_time INTEGER NOT NULL,
                    first_segment INTEGER NOT NULL,
                    last_segment INTEGER NOT NULL,
                    PRIMARY KEY (tenant, field, term, max_time, first_segment)
                ) WITHOUT ROWID;

                -- The de-duplication key, one row per event: unique by tenant, time and record
                -- id. Time before the id keeps inserts near the end of the index (records arrive
                -- roughly in time order) instead of at random GUID positions.
                CREATE TABLE record_keys (
                    tenant INTEGER NOT NULL,
                    time INTEGER NOT NULL,
                    record_id BLOB NOT NULL,
                    segment INTEGER NOT NULL,
                    slot INTEGER NOT NULL,
                    PRIMARY KEY (tenant, time, record_id)
                ) WITHOUT ROWID;

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
                    totals TEXT NOT NULL
                );
                CREATE INDEX import_runs_unfinished ON import_runs (fingerprint, tenant_option) WHERE finished_at IS NULL;
                """)
        }
        migrator.registerMigration("v2-oldest-first") { db in
            // Reading a tenant oldest first walks its segments by their earliest event, as
            // segments_by_time serves newest first by their latest. max_time makes the index
            // cover the walk: finding the segments that reach past a page's cursor reads this
            // index alone, never the segment rows with their large index blobs.
            try db.execute(sql: "CREATE INDEX segments_by_start ON segments (tenant, min_time, id, max_time)")
        }
        migrator.registerMigration("v3-collection") { db in
            try db.execute(sql: """
                -- Customer tenants collected from, with their app registration; the credential
                -- is sealed with a key kept outside the archive.
                CREATE TABLE monitored_tenants (
                    tenant INTEGER PRIMARY KEY REFERENCES tenants(id),
                    display_name TEXT NOT NULL,
                    domains TEXT NOT NULL,
                    client_id TEXT NOT NULL,
                    cloud TEXT NOT NULL,
                    publisher_id TEXT NOT NULL,
                    credential_kind TEXT NOT NULL,
                    sealed_credential BLOB NOT NULL,
                    certificate BLOB,
                    added_at INTEGER NOT NULL
                );

                -- How far each stream (content type, or the sign-in log) has been read,
                -- written in the transaction of the batch that got it there.
                CREATE TABLE collection_checkpoints (
                    tenant INTEGER NOT NULL,
                    stream TEXT NOT NULL,
                    read_until INTEGER NOT NULL,
                    newest_content INTEGER,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (tenant, stream)
                ) WITHOUT ROWID;

                -- Blobs already stored, so that re-listing behind the checkpoint reads none twice.
                CREATE TABLE collected_content (
                    tenant INTEGER NOT NULL,
                    stream TEXT NOT NULL,
                    content_created INTEGER NOT NULL,
                    content_id TEXT NOT NULL,
                    PRIMARY KEY (tenant, stream, content_created, content_id)
                ) WITHOUT ROWID;

                -- Content that expired before it could be read: visible, never silent.
                CREATE TABLE collection_gaps (
                    id INTEGER PRIMARY KEY,
                    tenant INTEGER NOT NULL,
                    stream TEXT NOT NULL,
                    start_time INTEGER NOT NULL,
                    end_time INTEGER NOT NULL,
                    content_id TEXT NOT NULL DEFAULT '',
                    reason TEXT NOT NULL,
                    detected_at INTEGER NOT NULL,
                    UNIQUE (tenant, stream, start_time, end_time, content_id)
                );

                CREATE TABLE detection_states (
                    tenant INTEGER PRIMARY KEY,
                    state BLOB NOT NULL,
                    updated_at INTEGER NOT NULL
                );

                CREATE TABLE alerts (
                    tenant INTEGER NOT NULL,
                    alert_id TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (tenant, alert_id)
                ) WITHOUT ROWID;
                CREATE INDEX alerts_by_time ON alerts (tenant, time);

                -- What committed batches decided must happen next (notifications, responses).
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    tenant INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    delivered_at INTEGER,
                    UNIQUE (tenant, key)
                );
                CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;

                -- Every operator action (who added which tenant, who revoked which sessions), kept.
                CREATE TABLE operator_actions (
                    id INTEGER PRIMARY KEY,
                    tenant INTEGER REFERENCES tenants(id),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    details TEXT NOT NULL
                );
                CREATE INDEX operator_actions_by_tenant ON operator_actions (tenant, id);
                """)
        }
        return migrator
    }
}
