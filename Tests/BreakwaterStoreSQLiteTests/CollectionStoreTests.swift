import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import Synchronization
import Testing

@Suite("Collection store")
struct CollectionStoreTests {
    let tenant = StoreFixtures.tenants[0]
    let other = StoreFixtures.tenants[1]
    let created = Timestamp(iso8601: "2026-11-02T10:00:00Z")!

    struct Refused: Error {}

    func alert(_ id: String, tenant: TenantID, event: Event) -> Alert {
        Alert(
            id: id, detector: DetectorID(rawValue: "Exchange.InboxRule.HideMail"), category: .inboxRuleSuspicious, severity: .high, tenant: tenant,
            user: event.actor, time: event.time, ip: event.sourceIP, evidence: [event.id], attack: [], summary: "rule \(id)", stage: .persistence)
    }

    func batch(_ events: [Event], content: String, readUntil: Timestamp) -> CollectedBatch {
        CollectedBatch(
            tenant: tenant, stream: .exchange, content: CollectedContent(id: content, created: created), events: events,
            checkpoint: CollectionCheckpoint(readUntil: readUntil, newestContent: created))
    }

    @Test("a batch, what it led to and its checkpoint are stored together, or not at all")
    func atomic() async throws {
        let store = try SQLiteStore()
        let events = StoreFixtures.events(perTenant: 20).filter { $0.tenant == tenant }
        let refused = batch(events, content: "1$a", readUntil: created)
        await #expect(throws: Refused.self) {
            try await store.commit(refused) { _ in throw Refused() }
        }
        #expect(try await store.eventCount(in: .all) == 0)
        #expect(try await store.checkpoint(of: .exchange, tenant: tenant) == nil)
        #expect(try await store.collectedContentIDs(of: .exchange, tenant: tenant, since: .init(millisecondsSince1970: 0)).isEmpty)

        let state = Data("state after the blob".utf8)
        let result = try await store.commit(refused) { new in
            BatchConsequences(detectionState: state, alerts: [alert("a1", tenant: tenant, event: new[0])])
        }
        #expect(result == CollectedCommit(insertedEvents: events.count, duplicateEvents: 0, insertedAlerts: 1))
        #expect(try await store.eventCount(in: .all) == events.count)
        #expect(try await store.checkpoint(of: .exchange, tenant: tenant) == CollectionCheckpoint(readUntil: created, newestContent: created))
        #expect(try await store.detectionState(of: tenant) == state)
        #expect(try await store.alerts(in: .all, limit: 10).map(\.id) == ["a1"])
        #expect(try await store.collectedContentIDs(of: .exchange, tenant: tenant, since: created) == ["1$a"])
        #expect(try await store.collectedContentIDs(of: .exchange, tenant: tenant, since: created.adding(milliseconds: 1)).isEmpty)
        #expect(try await store.collectedContentIDs(of: .sharePoint, tenant: tenant, since: created).isEmpty)
    }

    @Test("only new events are derived from; an alert or message decided again is stored once")
    func exactlyOnce() async throws {
        let store = try SQLiteStore()
        let events = StoreFixtures.events(perTenant: 30).filter { $0.tenant == tenant }
        let first = Array(events[0..<20])
        let second = Array(events[10..<30])
        let decide: @Sendable ([Event]) -> BatchConsequences = { new in
            guard let event = new.first else { return BatchConsequences() }
            let raised = alert("the-same-alert", tenant: tenant, event: event)
            let message = OutboxMessage(tenant: tenant, kind: "alert.raised", key: "alert:\(raised.id)", payload: Data(raised.id.utf8), createdAt: event.time)
            return BatchConsequences(alerts: [raised], outbox: [message])
        }
        let one = try await store.commit(batch(first, content: "1$a", readUntil: created), deriving: decide)
        #expect(one.insertedAlerts == 1)
        let seen = Mutex<[Event]>([])
        let two = try await store.commit(batch(second, content: "2$b", readUntil: created)) { new in
            seen.withLock { $0 = new }
            return decide(new)
        }
        #expect(seen.withLock { $0.map(\.id) } == Array(events[20..<30]).map(\.id))
        #expect(two == CollectedCommit(insertedEvents: 10, duplicateEvents: 10, insertedAlerts: 0))
        #expect(try await store.alerts(in: .all, limit: 10).count == 1)
        #expect(try await store.pendingOutbox(in: .all, limit: 10).map(\.key) == ["alert:the-same-alert"])
    }

    @Test("gaps, alerts, checkpoints and messages are seen only within the scope that holds their tenant")
    func isolation() async throws {
        let store = try SQLiteStore()
        let events = StoreFixtures.events(perTenant: 2)
        for tenant in [tenant, other] {
            let own = events.filter { $0.tenant == tenant }
            _ = try await store.commit(
                CollectedBatch(tenant: tenant, stream: .general, events: own, checkpoint: CollectionCheckpoint(readUntil: created))
            ) { new in
                BatchConsequences(
                    alerts: [alert("alert-\(tenant)", tenant: tenant, event: new[0])],
                    outbox: [OutboxMessage(tenant: tenant, kind: "alert.raised", key: "k", payload: Data(), createdAt: created)])
            }
            let gap = CollectionGap(tenant: tenant, stream: .general, start: created, end: created, contentID: "x$\(tenant)", reason: "expired", detectedAt: created)
            try await store.recordGap(gap)
            try await store.recordGap(gap)
        }
        let scope = TenantScope.only([tenant])
        #expect(try await store.gaps(in: scope).map(\.tenant) == [tenant])
        #expect(try await store.gaps(in: .all).count == 2)
        #expect(try await store.alerts(in: scope, limit: 10).map(\.tenant) == [tenant])
        #expect(try await store.checkpoints(in: scope).map(\.tenant) == [tenant])
        #expect(try await store.pendingOutbox(in: scope, limit: 10).map(\.tenant) == [tenant])
        #expect(try await store.alerts(in: .only([]), limit: 10).isEmpty)
    }

    @Test("a monitored tenant's secret is stored sealed: the archive file alone does not hold it")
    func sealedTenants() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("archive.sqlite")
        let box = try SecretBox(key: Data((0..<32).map { UInt8($0) }))
        let secret = "Sup3r-S3cret~value.for.Contoso"
        let sealed = try box.seal(Data(secret.utf8), tenant: tenant, purpose: "client-secret")
        do {
            let store = try SQLiteStore(path: path)
            try await store.saveTenant(
                MonitoredTenant(
                    id: tenant, displayName: "Contoso", domains: ["contoso.com"], clientID: "app-1", cloud: "commercial", publisherID: other,
                    credential: SealedCredential(kind: .secret, sealed: sealed), addedAt: created))
        }
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            bytes += try Data(contentsOf: URL(fileURLWithPath: directory.file(name)))
        }
        #expect(bytes.range(of: Data(secret.utf8)) == nil)
        #expect(bytes.range(of: Data("app-1".utf8)) != nil)

        let store = try SQLiteStore(path: path)
        let stored = try #require(try await store.monitoredTenants(in: .all).first)
        #expect(stored.displayName == "Contoso" && stored.domains == ["contoso.com"] && stored.publisherID == other)
        #expect(try await store.monitoredTenants(in: .only([other])).isEmpty)
        #expect(try await store.monitoredTenants(in: .only([tenant])).map(\.id) == [tenant])
        #expect(try box.open(stored.credential.sealed, tenant: tenant, purpose: "client-secret") == Data(secret.utf8))
        #expect(throws: SecretBoxError.self) { try box.open(stored.credential.sealed, tenant: other, purpose: "client-secret") }
        let wrongKey = try SecretBox(key: Data(repeating: 7, count: 32))
        #expect(throws: SecretBoxError.self) { try wrongKey.open(stored.credential.sealed, tenant: tenant, purpose: "client-secret") }
        #expect(try await store.removeTenant(tenant))
        #expect(try await !store.removeTenant(tenant))
        #expect(try await store.monitoredTenants(in: .all).isEmpty)
    }

    @Test("the sealing key comes from the environment, else a file made readable by its owner only")
    func keyLoading() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("keys/secret.key")
        #expect(throws: SecretBoxError.self) { try SecretBox.load(file: file, environment: [:], create: false) }
        let made = try SecretBox.load(file: file, environment: [:], create: true)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let again = try SecretBox.load(file: file, environment: [:], create: false)
        let sealed = try made.seal(Data("x".utf8), tenant: tenant, purpose: "p")
        #expect(try again.open(sealed, tenant: tenant, purpose: "p") == Data("x".utf8))

        let damaged = directory.file("damaged.key")
        FileManager.default.createFile(atPath: damaged, contents: Data([0xFF, 0xFE, 0x00]))
        #expect(throws: SecretBoxError.self) { try SecretBox.load(file: damaged, environment: [:], create: true) }
        #expect(FileManager.default.contents(atPath: damaged) == Data([0xFF, 0xFE, 0x00]), "an unreadable key file is never replaced")

        let fromEnvironment = try SecretBox.load(
            file: file, environment: [SecretBox.environmentVariable: Data(repeating: 1, count: 32).base64EncodedString()], create: false)
        #expect(throws: SecretBoxError.self) { try fromEnvironment.open(sealed, tenant: tenant, purpose: "p") }
        #expect(throws: SecretBoxError.self) {
            try SecretBox.load(file: file, environment: [SecretBox.environmentVariable: "c2hvcnQ="], create: false)
        }
    }
}

@Suite("Operator journal")
struct OperatorJournalTests {
    @Test("keeps every action, newest first, each seen only within its tenant's scope")
    func journal() async throws {
        let store = try SQLiteStore()
        let (one, two) = (StoreFixtures.tenants[0], StoreFixtures.tenants[1])
        let at = Timestamp(iso8601: "2026-11-23T12:00:00Z")!
        try await store.record(OperatorAction(tenant: one, at: at, actor: "alice", action: "tenant.add", details: "Contoso"))
        try await store.record(OperatorAction(tenant: two, at: at, actor: "bob", action: "tenant.add", details: "Fabrikam"))
        try await store.record(OperatorAction(tenant: nil, at: at, actor: "alice", action: "key.rotate", details: ""))
        #expect(try await store.operatorActions(in: .all, limit: 10).map(\.actor) == ["alice", "bob", "alice"])
        #expect(try await store.operatorActions(in: .only([one]), limit: 10).map(\.details) == ["Contoso"])
        #expect(try await store.operatorActions(in: .only([]), limit: 10).isEmpty)
    }
}
