import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting

/// An in-memory archive and an importer writing to it.
struct ImportHarness {
    static let contoso = TenantID("9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11")!

    let store: SQLiteStore

    init() throws {
        store = try SQLiteStore()
    }

    /// Imports `path` and returns the summary.
    @discardableResult
    func importFile(_ path: String, tenant: TenantID? = nil, batchSize: Int = 4096) async throws -> FileImportSummary {
        try await FileImporter(store: store, tenant: tenant, batchSize: batchSize).importFile(at: path)
    }

    /// Every event, newest first.
    func events() async throws -> [Event] {
        try await store.events(matching: EventQuery(scope: .all), after: nil, limit: 100_000).events
    }

    /// Every quarantined record, newest first.
    func quarantine() async throws -> [QuarantinedRecord] {
        try await store.quarantinedRecords(in: .all, limit: 100_000)
    }
}
