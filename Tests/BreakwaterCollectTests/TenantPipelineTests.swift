import BreakwaterCollect
import BreakwaterDetect
import BreakwaterEnrich
import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import M365Simulator
import Testing

@Suite("Tenant pipeline")
struct TenantPipelineTests {
    /// Ten simulated days cut into batches as a collector would commit them: audit blobs
    /// written to files and read back, and pages of sign-ins.
    struct TenDays {
        let tenant: TenantID
        let batches: [CollectedBatch]

        init() throws {
            let scenario = Scenario(ScenarioConfiguration(seed: 11, days: 10))
            tenant = scenario.configuration.tenant
            let directory = try TemporaryDirectory()
            var audit: [[UInt8]] = []
            var signIns: [[UInt8]] = []
            try scenario.forEachRecord { record in
                switch record.feed {
                case .auditLog: audit.append(record.json)
                case .signIns: signIns.append(record.json)
                }
            }
            var batches: [CollectedBatch] = []
            let tenant = tenant
            for (index, start) in stride(from: 0, to: audit.count, by: 2000).enumerated() {
                let records = audit[start..<min(start + 2000, audit.count)]
                let path = try directory.write("blob-\(index).json", Array("[".utf8) + Array(records.joined(separator: Array(",".utf8))) + Array("]".utf8))
                let source = SourceReference(name: "blob \(index)", fingerprint: "content:\(index)")
                let (events, quarantined) = try CollectedRecords.readBlob(at: path, tenant: tenant, source: source)
                let created = events.map(\.time).max() ?? Timestamp(millisecondsSince1970: 0)
                batches.append(CollectedBatch(
                    tenant: tenant, stream: .exchange, content: CollectedContent(id: "\(index)$blob", created: created), events: events,
                    quarantined: quarantined, checkpoint: CollectionCheckpoint(readUntil: created, newestContent: created)))
            }
            // Sign-in pages arrive between the blobs, as a second stream would commit them.
            for (index, start) in stride(from: 0, to: signIns.count, by: 1000).enumerated() {
                let page = Array(signIns[start..<min(start + 1000, signIns.count)])
                let (events, quarantined) = CollectedRecords.readSignIns(page, tenant: tenant, sourceName: "page \(index)")
                let batch = CollectedBatch(tenant: tenant, stream: .signIns, events: events, quarantined: quarantined, checkpoint: nil)
                let position = batches.firstIndex { ($0.events.last?.time ?? .init(millisecondsSince1970: 0)) > (events.last?.time ?? .init(millisecondsSince1970: 0)) } ?? batches.count
                batches.insert(batch, at: position)
            }
            self.batches = batches
        }
    }

    static let tenDays = Result { try TenDays() }

    func alerts(_ store: SQLiteStore) async throws -> [String] {
        try await store.alerts(in: .all, limit: 100_000).map(\.id).sorted()
    }

    @Test("restarting from the committed state, and reading batches again, gives the alerts of one uninterrupted run, each once")
    func restarts() async throws {
        let tenDays = try Self.tenDays.get()
        let enricher = Enricher(intelligence: IPIntelligence())

        let continuous = try SQLiteStore()
        let (pipeline, _) = try await TenantPipeline.resume(tenant: tenDays.tenant, store: continuous, configuration: DetectionConfiguration(), enricher: enricher)
        for batch in tenDays.batches {
            _ = try await pipeline.commit(batch)
        }
        let expected = try await alerts(continuous)
        #expect(expected.count > 5)
        #expect(try await continuous.alerts(in: .all, limit: 1000).contains { $0.severity >= .high })

        let interrupted = try SQLiteStore()
        var current = try await TenantPipeline.resume(tenant: tenDays.tenant, store: interrupted, configuration: DetectionConfiguration(), enricher: enricher).pipeline
        for (index, batch) in tenDays.batches.enumerated() {
            let first = try await current.commit(batch)
            if index % 3 == 0 {
                // The process died after the commit, before it noted the batch as done: a new
                // process resumes from the store and reads the batch again.
                current = try await TenantPipeline.resume(tenant: tenDays.tenant, store: interrupted, configuration: DetectionConfiguration(), enricher: enricher).pipeline
                let again = try await current.commit(batch)
                #expect(again.insertedEvents == 0 && again.insertedAlerts == 0)
                #expect(again.duplicateEvents == first.insertedEvents + first.duplicateEvents)
            }
        }
        #expect(try await alerts(interrupted) == expected)
        let messages = try await interrupted.pendingOutbox(in: .all, limit: 100_000)
        #expect(messages.count == expected.count)
        #expect(Set(messages.map(\.key)).count == messages.count)
        #expect(try await interrupted.eventCount(in: .all) == continuous.eventCount(in: .all))
    }

    @Test("batches committed at once by several feeds all reach the detection state: none works from a state another is replacing")
    func concurrentFeeds() async throws {
        let tenDays = try Self.tenDays.get()
        let enricher = Enricher(intelligence: IPIntelligence())
        func identities(of store: SQLiteStore) async throws -> Int {
            let saved = try #require(try await store.detectionState(of: tenDays.tenant))
            return try JSONDecoder().decode(DetectionState.self, from: saved).identityCount
        }
        // Two feeds of different people, so that a lost update loses identities.
        func feed(_ firstHalf: Bool) -> [CollectedBatch] {
            tenDays.batches.map { batch in
                var part = batch
                part.events = batch.events.filter { (($0.actor ?? "") < "k") == firstHalf }
                part.content = batch.content.map { CollectedContent(id: "\(firstHalf)\($0.id)", created: $0.created) }
                return part
            }
        }
        let feeds = [feed(true), feed(false)]
        let sequential = try SQLiteStore()
        let one = try await TenantPipeline.resume(tenant: tenDays.tenant, store: sequential, configuration: DetectionConfiguration(), enricher: enricher).pipeline
        for batch in feeds.joined() {
            _ = try await one.commit(batch)
        }

        let concurrent = try SQLiteStore()
        let shared = try await TenantPipeline.resume(tenant: tenDays.tenant, store: concurrent, configuration: DetectionConfiguration(), enricher: enricher).pipeline
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batches in feeds {
                group.addTask {
                    for batch in batches {
                        _ = try await shared.commit(batch)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await identities(of: concurrent) == identities(of: sequential))
    }

    @Test("a stored state that cannot be read is reported, and detection starts afresh rather than stopping")
    func damagedState() async throws {
        let tenDays = try Self.tenDays.get()
        let store = try SQLiteStore()
        _ = try await store.commit(CollectedBatch(tenant: tenDays.tenant, stream: .general, events: [], checkpoint: nil)) { _ in
            BatchConsequences(detectionState: Data("not a state".utf8))
        }
        let (pipeline, warning) = try await TenantPipeline.resume(
            tenant: tenDays.tenant, store: store, configuration: DetectionConfiguration(), enricher: Enricher(intelligence: IPIntelligence()))
        #expect(warning?.contains("starts afresh") == true)
        let result = try await pipeline.commit(tenDays.batches[0])
        #expect(result.insertedEvents == tenDays.batches[0].events.count)
    }
}
