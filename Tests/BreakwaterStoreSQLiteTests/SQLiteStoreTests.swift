import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import Testing

@Suite("SQLite archive")
struct SQLiteStoreTests {
    /// Every event matching `query`, read page by page.
    static func all(_ store: some Store, _ query: EventQuery, pageSize: Int) async throws -> [Event] {
        var events: [Event] = []
        var cursor: EventCursor?
        repeat {
            let page = try await store.events(matching: query, after: cursor, limit: pageSize)
            #expect(page.events.count <= pageSize)
            events += page.events
            cursor = page.next
        } while cursor != nil
        return events
    }

    @Test("stores each event once, however often it is written")
    func deduplicates() async throws {
        let store = try SQLiteStore()
        let events = StoreFixtures.events(perTenant: 50)
        let first = try await store.write(ArchiveBatch(events: events))
        #expect(first.insertedCount == 150)
        let again = try await store.write(ArchiveBatch(events: Array(events.reversed()) + events.prefix(10)))
        #expect(again.insertedCount == 0)
        #expect(again.duplicateCount == 160)
        #expect(try await store.eventCount(in: .all) == 150)
        let inner = try await store.write(ArchiveBatch(events: [events[0], events[0]]))
        #expect(inner.inserted == [false, false])
    }

    @Test("a batch that repeats a new event stores it once and says which copy was new")
    func duplicateWithinBatch() async throws {
        let store = try SQLiteStore()
        let event = StoreFixtures.events(perTenant: 1)[0]
        #expect(try await store.write(ArchiveBatch(events: [event, event])).inserted == [true, false])
    }

    @Test("reads back the original record byte for byte")
    func rawRoundTrip() async throws {
        let store = try SQLiteStore()
        let events = StoreFixtures.events(perTenant: 300)
        try await store.write(ArchiveBatch(events: events))
        let read = try await Self.all(store, EventQuery(scope: .all), pageSize: 1000)
        let written = Dictionary(uniqueKeysWithValues: events.map { ($0.key, $0.record.raw) })
        #expect(read.count == events.count)
        for event in read {
            #expect(written[event.key] == event.record.raw)
        }
    }

    @Test("pages newest first across tenants, matching a brute-force sort, at any page size", arguments: [1, 7, 50, 1000])
    func paging(_ pageSize: Int) async throws {
        let store = try SQLiteStore()
        var events = StoreFixtures.events(perTenant: 120, seed: 7)
        var random = SystemRandomNumberGenerator()
        events.shuffle(using: &random)
        for batch in stride(from: 0, to: events.count, by: 37) {
            try await store.write(ArchiveBatch(events: Array(events[batch..<min(batch + 37, events.count)])))
        }
        let expected = events.sorted(by: StoreFixtures.precedes).map(\.key)
        let read = try await Self.all(store, EventQuery(scope: .all), pageSize: pageSize).map(\.key)
        #expect(read == expected)
    }

    @Test("filters by user, address range, operation, workload and time like a brute-force scan")
    func filters() async throws {
        let store = try SQLiteStore()
        let events = StoreFixtures.events(perTenant: 400, seed: 3)
        for batch in stride(from: 0, to: events.count, by: 256) {
            try await store.write(ArchiveBatch(events: Array(events[batch..<min(batch + 256, events.count)])))
        }
        let someone = try #require(events[17].actor)
        let address = try #require(events.first { $0.sourceIP != nil }?.sourceIP)
        let network = try #require(IPNetwork("\(address)/24"))
        let middle = events.map(\.time).sorted()[events.count / 2]
        let cases: [(EventQuery, (Event) -> Bool)] = [
            (EventQuery(scope: .all, actor: someone.uppercased()), { $0.actor == someone }),
            (EventQuery(scope: .all, network: network), { $0.sourceIP.map(network.contains) ?? false }),
            (EventQuery(scope: .all, operation: "mailitemsaccessed"), { $0.operation == "MailItemsAccessed" }),
            (EventQuery(scope: .all, operation: "update USER"), { $0.operation == "Update user." }),
            (EventQuery(scope: .all, workload: "sharepoint"), { $0.workload == "SharePoint" }),
            (EventQuery(scope: .all, since: middle), { $0.time >= middle }),
            (EventQuery(scope: .all, until: middle), { $0.time < middle }),
            (
                EventQuery(scope: .only([StoreFixtures.tenants[1]]), actor: someone, workload: "Exchange", since: events[0].time),
                { $0.tenant == StoreFixtures.tenants[1] && $0.actor == someone && $0.workload == "Exchange" && $0.time >= events[0].time }
            ),
            (EventQuery(scope: .all, actor: "nobody@nowhere.example"), { _ in false }),
            (EventQuery(scope: .all, operation: "No-Such-Cmdlet"), { _ in false }),
        ]
        for (query, matches) in cases {
            let expected = events.filter(matches).sorted(by: StoreFixtures.precedes).map(\.key)
            #expect(!expected.isEmpty || query.actor == "nobody@nowhere.example" || query.operation == "No-Such-Cmdlet")
            for pageSize in [3, 100] {
                let read = try await Self.all(store, query, pageSize: pageSize).map(\.key)
                #expect(read == expected, "\(query)")
            }
        }
    }

    @Test("never shows a tenant's events or quarantine to a scope without it")
    func tenantWalls() async throws {
        let store = try SQLiteStore()
        let events = StoreFixtures.events(perTenant: 30)
        let (a, b, c) = (StoreFixtures.tenants[0], StoreFixtures.tenants[1], StoreFixtures.tenants[2])
        let source = SourceReference(name: "x.json", fingerprint: "f")
        let quarantined = [
            QuarantinedRecord(tenant: a, source: source, position: SourcePosition(line: 1, byteOffset: 0), reason: .init(code: "x", message: "x"), raw: [1]),
            QuarantinedRecord(tenant: nil, source: source, position: SourcePosition(line: 2, byteOffset: 5), reason: .init(code: "y", message: "y"), raw: [2]),
        ]
        try await store.write(ArchiveBatch(events: events, quarantined: quarantined))
        let onlyA = try await Self.all(store, EventQuery(scope: .only([a])), pageSize: 10)
        #expect(onlyA.count == 30)
        #expect(onlyA.allSatisfy { $0.tenant == a })
        let bAndC = try await Self.all(store, EventQuery(scope: .only([b, c]), actor: events[0].actor), pageSize: 10)
        #expect(bAndC.allSatisfy { $0.tenant != a })
        #expect(try await Self.all(store, EventQuery(scope: .only([])), pageSize: 10).isEmpty)
        #expect(try await store.eventCount(in: .only([b])) == 30)
        #expect(try await store.quarantinedRecords(in: .only([a]), limit: 10).map(\.reason.code) == ["x"])
        #expect(try await store.quarantinedRecords(in: .only([b]), limit: 10).isEmpty)
        #expect(try await store.quarantinedRecords(in: .all, limit: 10).map(\.reason.code) == ["y", "x"])
    }

    @Test("keeps quarantined records with their reason and position, once per position")
    func quarantine() async throws {
        let store = try SQLiteStore()
        let record = QuarantinedRecord(
            tenant: nil, source: SourceReference(name: "export.csv", fingerprint: "123-abc"), position: SourcePosition(line: 42, byteOffset: 9001),
            reason: QuarantineReason(code: "missing-id", message: "the record has no Id"), raw: Array("{\"a\":1}".utf8), length: 7)
        try await store.write(ArchiveBatch(quarantined: [record, record]))
        try await store.write(ArchiveBatch(quarantined: [record]))
        #expect(try await store.quarantinedRecords(in: .all, limit: 10) == [record])
    }

    @Test("writers in two processes' worth of connections never store an event twice")
    func concurrentWriters() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("shared.sqlite")
        let stores = [try SQLiteStore(path: path), try SQLiteStore(path: path)]
        let events = StoreFixtures.events(perTenant: 400, seed: 11)
        let inserted = try await withThrowingTaskGroup(of: Int.self) { group in
            for store in stores {
                group.addTask {
                    var count = 0
                    for batch in stride(from: 0, to: events.count, by: 100) {
                        count += try await store.write(ArchiveBatch(events: Array(events[batch..<min(batch + 100, events.count)]))).insertedCount
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(inserted == events.count)
        #expect(try await stores[0].eventCount(in: .all) == events.count)
        let keys = try await Self.all(stores[1], EventQuery(scope: .all), pageSize: 500).map(\.key)
        #expect(Set(keys).count == keys.count)
        #expect(keys.count == events.count)
    }

    @Test("persists across reopening the file")
    func reopen() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("a.sqlite")
        let events = StoreFixtures.events(perTenant: 20)
        do {
            let store = try SQLiteStore(path: path)
            try await store.write(ArchiveBatch(events: events))
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.eventCount(in: .all) == 60)
        #expect(try await reopened.write(ArchiveBatch(events: events)).insertedCount == 0)
    }

    @Test("refuses an archive written by a newer version instead of damaging it")
    func newerSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("future.sqlite")
        _ = try SQLiteStore(path: path)
        try runSQLite(path, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            (error as? StoreError)?.code == .newerSchema
        }
    }

    @Test("reports damaged stored data as an error, not a crash")
    func damage() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("damaged.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            try await store.write(ArchiveBatch(events: StoreFixtures.events(perTenant: 5)))
        }
        try runSQLite(path, "UPDATE segments SET entries = x'00112233'")
        let store = try SQLiteStore(path: path)
        await #expect {
            try await store.events(matching: EventQuery(scope: .all), after: nil, limit: 10)
        } throws: { error in
            (error as? StoreError)?.code == .corrupt
        }
    }
}

/// Runs SQL on an archive file with the sqlite3 shell, as an outside tool would.
func runSQLite(_ path: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", path, sql]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
}
