import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import M365Simulator
import Testing

@Suite("SQLite archive, oldest first")
struct OldestFirstSearchTests {
    /// Every event matching `query` oldest first, read page by page.
    static func oldestFirst(_ store: SQLiteStore, _ query: EventQuery, pageSize: Int) async throws -> [Event] {
        var query = query
        query.order = .oldestFirst
        return try await SQLiteStoreTests.all(store, query, pageSize: pageSize)
    }

    /// A store holding `events`, written in batches of `batchSize`.
    static func store(with events: [Event], batchSize: Int) async throws -> SQLiteStore {
        let store = try SQLiteStore()
        for start in stride(from: 0, to: events.count, by: batchSize) {
            try await store.write(ArchiveBatch(events: Array(events[start..<min(start + batchSize, events.count)])))
        }
        return store
    }

    @Test("pages a whole tenant oldest first, every event once, at any page size", arguments: [1, 7, 50, 1000])
    func wholeTenant(_ pageSize: Int) async throws {
        // Given three tenants written in time order
        let events = StoreFixtures.events(perTenant: 300, seed: 5)
        let store = try await Self.store(with: events, batchSize: 100)
        let tenant = StoreFixtures.tenants[1]
        // When one tenant is read oldest first
        let read = try await Self.oldestFirst(store, EventQuery(scope: .only([tenant])), pageSize: pageSize).map(\.key)
        // Then it is every event of the tenant once, in ascending (time, id) order
        let expected = events.filter { $0.tenant == tenant }.sorted(by: StoreFixtures.precedesOldestFirst).map(\.key)
        #expect(read == expected)
    }

    @Test("filters by user, address range and time range, and spans tenants, like a brute-force scan")
    func filters() async throws {
        let events = StoreFixtures.events(perTenant: 400, seed: 3)
        let store = try await Self.store(with: events, batchSize: 256)
        let someone = try #require(events[17].actor)
        let address = try #require(events.first { $0.sourceIP != nil }?.sourceIP)
        let network = try #require(IPNetwork("\(address)/24"))
        let times = events.map(\.time).sorted()
        let (early, late) = (times[events.count / 4], times[events.count * 3 / 4])
        let (a, c) = (StoreFixtures.tenants[0], StoreFixtures.tenants[2])
        let cases: [(EventQuery, (Event) -> Bool)] = [
            (EventQuery(scope: .all, actor: someone.uppercased()), { $0.actor == someone }),
            (EventQuery(scope: .all, network: network), { $0.sourceIP.map(network.contains) ?? false }),
            (EventQuery(scope: .all, since: early, until: late), { $0.time >= early && $0.time < late }),
            (EventQuery(scope: .only([a, c])), { $0.tenant == a || $0.tenant == c }),
            (
                EventQuery(scope: .only([a, c]), workload: "exchange", since: early),
                { ($0.tenant == a || $0.tenant == c) && $0.workload == "Exchange" && $0.time >= early }
            ),
            (EventQuery(scope: .all, actor: "nobody@nowhere.example"), { _ in false }),
        ]
        for (query, matches) in cases {
            let expected = events.filter(matches).sorted(by: StoreFixtures.precedesOldestFirst).map(\.key)
            #expect(!expected.isEmpty || query.actor == "nobody@nowhere.example")
            for pageSize in [3, 100] {
                let read = try await Self.oldestFirst(store, query, pageSize: pageSize).map(\.key)
                #expect(read == expected, "\(query), page size \(pageSize)")
            }
        }
    }

    @Test(
        "records written out of time order, so that segments overlap in time, still come oldest first",
        arguments: [(37, 7), (37, 100), (500, 5), (500, 64)])
    func scrambled(batchSize: Int, pageSize: Int) async throws {
        // Given records shuffled across batches: each segment spans most of the archive's time
        var events = StoreFixtures.events(perTenant: 400, seed: 13)
        var random = SeededRandom(seed: UInt64(batchSize * 1000 + pageSize))
        events.shuffle(using: &random)
        let store = try await Self.store(with: events, batchSize: batchSize)
        let someone = try #require(events[5].actor)
        for (query, matches) in [
            (EventQuery(scope: .all), { (_: Event) in true }),
            (EventQuery(scope: .only([StoreFixtures.tenants[2]])), { $0.tenant == StoreFixtures.tenants[2] }),
            (EventQuery(scope: .all, actor: someone), { $0.actor == someone }),
        ] as [(EventQuery, (Event) -> Bool)] {
            let expected = events.filter(matches).sorted(by: StoreFixtures.precedesOldestFirst).map(\.key)
            let read = try await Self.oldestFirst(store, query, pageSize: pageSize).map(\.key)
            #expect(read == expected, "\(query)")
        }
    }

    @Test("oldest first is newest first reversed, for random filters over a random archive", arguments: 1...12)
    func mirrorsNewestFirst(seed: Int) async throws {
        // Given a random archive written in random batches, out of time order
        var random = SeededRandom(seed: UInt64(seed))
        var events = StoreFixtures.events(perTenant: 100 + Int(random.next() % 300), seed: UInt64(seed))
        events.shuffle(using: &random)
        let store = try await Self.store(with: events, batchSize: 1 + Int(random.next() % 400))
        for _ in 0..<6 {
            // When a random query is read both ways
            let query = Self.randomQuery(over: events, using: &random)
            let pageSize = 1 + Int(random.next() % 60)
            let newest = try await SQLiteStoreTests.all(store, query, pageSize: pageSize)
            let oldest = try await Self.oldestFirst(store, query, pageSize: pageSize)
            // Then each is the other reversed (tenants of one instant ascending in both), and
            // both hold exactly the matching events
            #expect(oldest.map(\.key) == Self.reversedKeepingTenantOrder(newest).map(\.key), "\(query), page size \(pageSize)")
            #expect(Set(oldest.map(\.key)).count == oldest.count)
        }
    }

    @Test("an archive written before oldest-first reading gains its index when opened, and reads oldest first")
    func upgradesArchive() async throws {
        // Given an archive as the first release left it: no segments_by_start, no v2 migration
        let directory = try TemporaryDirectory()
        let path = directory.file("v1.sqlite")
        let events = StoreFixtures.events(perTenant: 40)
        do {
            let store = try SQLiteStore(path: path)
            try await store.write(ArchiveBatch(events: events))
        }
        try runSQLite(path, "DROP INDEX segments_by_start; DELETE FROM grdb_migrations WHERE identifier = 'v2-oldest-first'")
        // When it is opened again
        let store = try SQLiteStore(path: path)
        // Then it reads oldest first, and the index is back
        let read = try await Self.oldestFirst(store, EventQuery(scope: .all), pageSize: 25).map(\.key)
        #expect(read == events.sorted(by: StoreFixtures.precedesOldestFirst).map(\.key))
        #expect(try Self.sqliteOutput(path, "SELECT count(*) FROM sqlite_master WHERE name = 'segments_by_start'") == "1")
    }

    // MARK: - Helpers

    /// A query with each filter present or not at random, taking its values from `events`.
    static func randomQuery(over events: [Event], using random: inout SeededRandom) -> EventQuery {
        func chance() -> Bool { random.next() % 2 == 0 }
        func anyEvent() -> Event { events[Int(random.next() % UInt64(events.count))] }
        var query = EventQuery(scope: .all)
        if chance() {
            query.scope = .only(Set(StoreFixtures.tenants.filter { _ in chance() }))
        }
        if chance() { query.actor = anyEvent().actor }
        if chance(), let address = anyEvent().sourceIP {
            query.network = IPNetwork("\(address)/\(address.isIPv4 ? [16, 24, 32][Int(random.next() % 3)] : 64)")
        }
        if chance() { query.operation = anyEvent().operation }
        if chance() { query.workload = anyEvent().workload }
        let (first, second) = (anyEvent().time, anyEvent().time)
        if chance() { query.since = min(first, second) }
        if chance() { query.until = max(first, second) }
        return query
    }

    /// What the sqlite3 shell prints for `sql` on the archive at `path`, trimmed.
    static func sqliteOutput(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Newest-first `events` reversed, with the tenants of each instant put back in ascending
    /// order (both orders break ties in time by tenant ascending).
    static func reversedKeepingTenantOrder(_ events: [Event]) -> [Event] {
        var result: [Event] = []
        var instant: [[Event]] = []
        for event in events.reversed() {
            if let last = instant.last?.last, last.time != event.time {
                result += instant.reversed().joined()
                instant = []
            }
            if instant.last?.last?.tenant == event.tenant {
                instant[instant.count - 1].append(event)
            } else {
                instant.append([event])
            }
        }
        return result + instant.reversed().joined()
    }
}
