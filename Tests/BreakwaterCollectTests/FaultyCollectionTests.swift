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

@Suite("Collection under faults")
struct FaultyCollectionTests {
    @Test("with throttling, 500s, cut bodies, expired and repeated blobs: every readable record is stored once, expired content is a gap, each tenant flows and stays under its request cap")
    func faults() async throws {
        var tenants: [SimulatedTenant] = []
        for number in 1...2 {
            var tenant = SimulatedTenant.numbered(number, seed: 2026, days: 2)
            tenant.requestsPerMinute = 300
            tenant.faults.throttledShare = 0.15
            tenant.faults.serverErrorShare = 0.08
            tenant.faults.truncatedBodyShare = 0.08
            tenant.faults.expiredBlobShare = 0.03
            tenant.faults.duplicateBlobShare = 0.05
            tenant.faults.duplicateRecordShare = 0.02
            tenants.append(tenant)
        }
        let end = tenants[0].scenario.start.adding(milliseconds: 2 * 86_400_000 + 8 * 3_600_000)
        let clock = SimulatedClock.manual(at: end)
        let server = SimulatorServer(SimulatorConfiguration(tenants: tenants, clock: clock))
        let serving = Task { try await server.run() }
        defer { serving.cancel() }
        let base = URL(string: try await server.baseURL())!
        let endpoints = CloudEndpoints.simulator(at: base)
        let logger = Logger(label: "faulty-collection-test")
        // The client's own cap sits below the service's, as it should in production.
        let transport = MicrosoftTransport(
            httpClient: .shared, endpoints: endpoints, rateLimit: .perMinute(250), clock: SimulatedTransportClock(clock: clock), logger: logger)
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.file("archive.sqlite"))

        var collections: [TenantCollection] = []
        for tenant in tenants {
            let monitored = MonitoredTenant(
                id: tenant.id, displayName: tenant.displayName, domains: [tenant.domain], clientID: tenant.application.clientID, cloud: base.absoluteString,
                publisherID: tenant.id, credential: SealedCredential(kind: .secret, sealed: Data()), addedAt: clock.now)
            let credentials = TenantCredentials(tenant: tenant.id, clientID: tenant.application.clientID, proof: .secret(ClientSecret(tenant.application.clientSecret)))
            collections.append(
                try await TenantCollection.make(
                    tenant: monitored, credentials: credentials, endpoints: endpoints, transport: transport, store: store,
                    configuration: DetectionConfiguration(), enricher: Enricher(intelligence: IPIntelligence()),
                    scratch: URL(fileURLWithPath: directory.path), metrics: CollectionMetrics(), logger: logger))
        }
        // A pass that runs out of retries is tried again at the next interval, as serve does.
        for _ in 0..<3 {
            await withTaskGroup(of: Void.self) { group in
                for collection in collections {
                    group.addTask { await collection.run(once: true, interval: .seconds(60), clock: { clock.now.date }, sleep: { _ in }) }
                }
            }
        }

        for tenant in tenants {
            let expected = server.deliverableRecordIDs(tenant: tenant.id).union(server.visibleSignInIDs(tenant: tenant.id)).map { $0.lowercased() }
            var stored: [String] = []
            var cursor: EventCursor?
            repeat {
                let page = try await store.events(matching: EventQuery(scope: .only([tenant.id])), after: cursor, limit: 10_000)
                stored += page.events.map { $0.id.description.lowercased() }
                cursor = page.next
            } while cursor != nil
            #expect(stored.count == Set(stored).count, "\(tenant.displayName): \(stored.count - Set(stored).count) stored twice")
            #expect(Set(stored) == Set(expected), "\(tenant.displayName): \(Set(expected).subtracting(stored).count) missing")

            let expired = Set(server.expiredContentIDs(tenant: tenant.id))
            #expect(!expired.isEmpty)
            let gaps = Set(try await store.gaps(in: .only([tenant.id])).compactMap(\.contentID))
            #expect(expired.isSubset(of: gaps), "\(expired.subtracting(gaps).count) expired blobs not recorded as gaps")

            let perMinute = await server.managementRequestsPerMinute(tenant: tenant.id)
            #expect(perMinute.values.allSatisfy { $0 <= tenant.requestsPerMinute }, "\(perMinute.values.max() ?? 0) requests in one minute")
            let requests = await server.requests(tenant: tenant.id)
            #expect(requests.contains { $0.status == 429 || $0.status == 403 }, "no throttling was injected")
            #expect(requests.contains { $0.status >= 500 }, "no server error was injected")
        }
    }
}
