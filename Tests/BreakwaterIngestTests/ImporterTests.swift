import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import Synchronization
import Testing

@Suite("Importing")
struct ImporterTests {
    @Test("importing the same file again inserts nothing and counts duplicates")
    func reimport() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("records.jsonl", BadInputTests.jsonLines(BadInputTests.records(300)))
        let harness = try ImportHarness()
        let first = try await harness.importFile(path)
        let before = try await ArchiveSnapshot.of(harness.store)
        let second = try await harness.importFile(path)
        #expect(first.totals.inserted == 300)
        #expect(second.totals.records == 300)
        #expect(second.totals.inserted == 0)
        #expect(second.totals.duplicates == 300)
        #expect(second.resumed == false)
        #expect(try await ArchiveSnapshot.of(harness.store) == before)
    }

    @Test("re-importing a file with bad records does not add them to the quarantine twice")
    func reimportQuarantine() async throws {
        var lines = BadInputTests.records(5)
        lines[2] = Array("not json".utf8)
        let directory = try TemporaryDirectory()
        let path = try directory.write("bad.jsonl", BadInputTests.jsonLines(lines))
        let harness = try ImportHarness()
        try await harness.importFile(path)
        let again = try await harness.importFile(path)
        #expect(again.totals.quarantined == 1)
        #expect(try await harness.quarantine().count == 1)
    }

    @Test("records shared by overlapping exports in different formats are stored once")
    func duplicatesAcrossFiles() async throws {
        let records = BadInputTests.records(40)
        let directory = try TemporaryDirectory()
        let blob = try directory.write("blob.json", BadInputTests.array(Array(records[0..<30])))
        var csv = "CreationDate,UserIds,Operations,AuditData\r\n"
        for record in records[20..<40] {
            csv += "1/1/2026,u,o,\"" + String(decoding: record, as: UTF8.self).replacingOccurrences(of: "\"", with: "\"\"") + "\"\r\n"
        }
        let export = try directory.write("export.csv", csv)
        let harness = try ImportHarness()
        let first = try await harness.importFile(blob)
        let second = try await harness.importFile(export)
        #expect(first.totals.inserted == 30)
        #expect(second.totals.inserted == 10)
        #expect(second.totals.duplicates == 10)
        #expect(try await harness.store.eventCount(in: .all) == 40)
    }

    @Test("the archive's contents do not depend on the batch size", arguments: [1, 7, 256, 10_000])
    func batchSizes(_ batchSize: Int) async throws {
        var records = BadInputTests.records(600, seed: 21)
        records[100] = Array("garbage".utf8)
        records[350] = records[10]  // a duplicate inside the file
        let directory = try TemporaryDirectory()
        let path = try directory.write("records.jsonl", BadInputTests.jsonLines(records))
        let reference = try ImportHarness()
        try await reference.importFile(path, batchSize: 4096)
        let harness = try ImportHarness()
        let summary = try await harness.importFile(path, batchSize: batchSize)
        #expect(summary.totals.inserted == 598)
        #expect(summary.totals.duplicates == 1)
        #expect(summary.totals.quarantined == 1)
        #expect(try await ArchiveSnapshot.of(harness.store) == ArchiveSnapshot.of(reference.store))
    }

    @Test("an import interrupted after any batch resumes where it stopped and ends with the same archive", arguments: [1, 2, 5, 9])
    func resume(_ failingWrite: Int) async throws {
        var records = BadInputTests.records(500, seed: 5)
        records[123] = Array("{broken".utf8)
        let directory = try TemporaryDirectory()
        for (name, bytes) in [("records.jsonl", BadInputTests.jsonLines(records)), ("records.json", BadInputTests.array(records))] {
            let path = try directory.write(name, bytes)
            let reference = try ImportHarness()
            let expected = try await reference.importFile(path, batchSize: 50)

            let archive = directory.file("\(name)-\(failingWrite).sqlite")
            do {
                // The crashing process's store goes away with it, releasing its import lock.
                let failing = FailingStore(try SQLiteStore(path: archive), failOnWrite: failingWrite)
                await #expect(throws: FailingStore.Crash.self) {
                    try await FileImporter(store: failing, batchSize: 50).importFile(at: path)
                }
            }
            let store = try SQLiteStore(path: archive)
            let resumed = try await FileImporter(store: store, batchSize: 50).importFile(at: path)
            #expect(resumed.resumed)
            #expect(resumed.totals == expected.totals)
            #expect(try await ArchiveSnapshot.of(store) == ArchiveSnapshot.of(reference.store))
        }
    }

    @Test("a finished import is read again in full, not resumed")
    func finishedIsNotResumed() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("r.jsonl", BadInputTests.jsonLines(BadInputTests.records(10)))
        let store = try SQLiteStore(path: directory.file("a.sqlite"))
        _ = try await FileImporter(store: store).importFile(at: path)
        let again = try await FileImporter(store: store).importFile(at: path)
        #expect(!again.resumed)
        #expect(again.totals.duplicates == 10)
    }
}

/// A store that fails on its n-th write without writing anything, as a crash would.
final class FailingStore: Store {
    struct Crash: Error {}

    private let store: SQLiteStore
    private let failOnWrite: Int
    private let writes = Mutex(0)

    init(_ store: SQLiteStore, failOnWrite: Int) {
        self.store = store
        self.failOnWrite = failOnWrite
    }

    func write(_ batch: ArchiveBatch) async throws -> ArchiveWriteResult {
        let count = writes.withLock { count in
            count += 1
            return count
        }
        if count >= failOnWrite { throw Crash() }
        return try await store.write(batch)
    }

    func events(matching query: EventQuery, after cursor: EventCursor?, limit: Int) async throws -> EventPage {
        try await store.events(matching: query, after: cursor, limit: limit)
    }

    func quarantinedRecords(in scope: TenantScope, limit: Int) async throws -> [QuarantinedRecord] {
        try await store.quarantinedRecords(in: scope, limit: limit)
    }

    func beginImport(of source: ImportSource) async throws -> ImportRun {
        try await store.beginImport(of: source)
    }

    func finishImport(_ run: ImportRun.ID) async throws -> ImportTotals {
        try await store.finishImport(run)
    }

    func eventCount(in scope: TenantScope) async throws -> Int {
        try await store.eventCount(in: scope)
    }
}
