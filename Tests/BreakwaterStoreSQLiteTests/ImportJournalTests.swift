import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Testing

@Suite("Import journal")
struct ImportJournalTests {
    let source = ImportSource(reference: SourceReference(name: "a.csv", fingerprint: "100-ff"), format: "CSV", tenantOption: nil)

    @Test("resumes an unfinished run with its progress and totals, in the same transaction as its batches")
    func resumes() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("j.sqlite")
        let events = StoreFixtures.events(perTenant: 4)
        do {
            let store = try SQLiteStore(path: path)
            let run = try await store.beginImport(of: source)
            #expect(!run.isResumed)
            #expect(run.resumePoint == .start)
            var read = ImportTotals()
            read.records = 12
            let point = ResumePoint(byteOffset: 4096, line: 77, state: 1)
            try await store.write(ArchiveBatch(events: events, importProgress: ImportProgress(run: run.id, resumePoint: point, read: read)))
        }
        let store = try SQLiteStore(path: path)
        let resumed = try await store.beginImport(of: source)
        #expect(resumed.isResumed)
        #expect(resumed.resumePoint == ResumePoint(byteOffset: 4096, line: 77, state: 1))
        #expect(resumed.totals.records == 12)
        #expect(resumed.totals.inserted == 12)
        let totals = try await store.finishImport(resumed.id)
        #expect(totals.inserted == 12)
        #expect(!(try await store.beginImport(of: source)).isResumed)
    }

    @Test("does not resume a run another live import holds, nor a run for another tenant")
    func liveRunsAreNotShared() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("j.sqlite")
        let first = try SQLiteStore(path: path)
        let second = try SQLiteStore(path: path)
        let running = try await first.beginImport(of: source)
        let other = try await second.beginImport(of: source)
        #expect(!other.isResumed)
        #expect(other.id != running.id)
        var forTenant = source
        forTenant.tenantOption = "9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11"
        #expect(!(try await SQLiteStore(path: path).beginImport(of: forTenant)).isResumed)
    }
}
