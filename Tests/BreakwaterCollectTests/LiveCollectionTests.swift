import AsyncHTTPClient
import BreakwaterCollect
import BreakwaterDetect
import BreakwaterEnrich
import BreakwaterGraph
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import Logging
import M365Simulator
import Testing

@Suite("Live collection from the simulator")
struct LiveCollectionTests {
    /// A simulator serving one tenant's few days, its clock some hours after the last day so
    /// that every blob is listable and none has expired.
    struct Setup {
        let server: SimulatorServer
        let tenant: SimulatedTenant
        let serving: Task<Void, any Error>
        let base: URL

        init(days: Int = 4, faults: SimulatedFaults = SimulatedFaults()) async throws {
            var tenant = SimulatedTenant.numbered(1, seed: 2026, days: days)
            tenant.faults = faults
            let end = tenant.scenario.start.adding(milliseconds: Int64(days) * 86_400_000 + 8 * 3_600_000)
            server = SimulatorServer(SimulatorConfiguration(tenants: [tenant], clock: .manual(at: end)))
            self.tenant = tenant
            let server = server
            serving = Task { try await server.run() }
            base = URL(string: try await server.baseURL())!
        }
    }

    static let logger = Logger(label: "live-collection-test") { StreamLogHandler.standardError(label: $0) }

    func collection(_ setup: Setup, store: SQLiteStore, http: HTTPClient, scratch: URL) async throws -> TenantCollection {
        let endpoints = CloudEndpoints.simulator(at: setup.base)
        let clock = setup.server.clock
        let transport = MicrosoftTransport(httpClient: http, endpoints: endpoints, clock: SimulatedTransportClock(clock: clock), logger: Logger(label: "test"))
        let tenant = MonitoredTenant(
            id: setup.tenant.id, displayName: setup.tenant.displayName, domains: [setup.tenant.domain], clientID: setup.tenant.application.clientID,
            cloud: setup.base.absoluteString, publisherID: setup.tenant.id, credential: SealedCredential(kind: .secret, sealed: Data()), addedAt: clock.now)
        let credentials = TenantCredentials(tenant: tenant.id, clientID: tenant.clientID, proof: .secret(ClientSecret(setup.tenant.application.clientSecret)))
        return try await TenantCollection.make(
            tenant: tenant, credentials: credentials, endpoints: endpoints, transport: transport, store: store, configuration: DetectionConfiguration(),
            enricher: Enricher(intelligence: IPIntelligence()), scratch: scratch, metrics: CollectionMetrics(), logger: Self.logger)
    }

    @Test("collects every record the simulator serves exactly once, raises the attack's alerts, and a second pass adds nothing")
    func endToEnd() async throws {
        let setup = try await Setup()
        defer { setup.serving.cancel() }
        let http = HTTPClient.shared
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("archive.sqlite"))
        let collection = try await collection(setup, store: store, http: http, scratch: URL(fileURLWithPath: directory.path))
        let clock = setup.server.clock
        let succeeded = await collection.run(once: true, interval: .seconds(60), clock: { await ServiceClock(http: http, probe: setup.base).now() }, sleep: { _ in })
        #expect(succeeded)

        let expected = setup.server.deliverableRecordIDs(tenant: setup.tenant.id).union(setup.server.visibleSignInIDs(tenant: setup.tenant.id))
        var stored: [String] = []
        var cursor: EventCursor?
        repeat {
            let page = try await store.events(matching: EventQuery(scope: .only([setup.tenant.id])), after: cursor, limit: 5000)
            stored += page.events.map { $0.id.description }
            cursor = page.next
        } while cursor != nil
        #expect(stored.count == Set(stored).count)
        let storedSet = Set(stored.map { $0.lowercased() })
        let expectedSet = Set(expected.map { $0.lowercased() })
        #expect(storedSet.count == expectedSet.count)
        #expect(storedSet.subtracting(expectedSet).isEmpty, "\(storedSet.subtracting(expectedSet).count) stored that the simulator never served")
        #expect(expectedSet.subtracting(storedSet).isEmpty, "\(expectedSet.subtracting(storedSet).count) served but not stored")

        let truth = try #require(setup.server.truth(tenant: setup.tenant.id)?.attack)
        let alerts = try await store.alerts(in: .all, limit: 10_000)
        #expect(alerts.contains { $0.user == truth.victim && $0.severity >= .high }, "\(alerts.map { "\($0.user ?? "-") \($0.category) \($0.severity)" })")
        #expect(try await store.gaps(in: .all).isEmpty)

        let again = await collection.run(once: true, interval: .seconds(60), clock: { await ServiceClock(http: http, probe: setup.base).now() }, sleep: { _ in })
        #expect(again)
        #expect(try await store.eventCount(in: .all) == stored.count)
        #expect(try await store.alerts(in: .all, limit: 10_000).count == alerts.count)
    }
}

/// The Microsoft clients' clock, on the simulator's time: a wait moves simulated time on at
/// once instead of sleeping.
struct SimulatedTransportClock: TransportClock {
    let clock: SimulatedClock
    var now: Date { clock.now.date }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        clock.advance(by: duration)
        await Task.yield()
    }
}
