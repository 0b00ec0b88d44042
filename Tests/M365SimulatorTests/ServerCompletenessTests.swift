import BreakwaterModel
import M365Simulator
import Testing

@Suite("Every record of the scenario, exactly once as a set")
struct ServerCompletenessTests {
    /// Reads every blob of every audit content type, a day's window at a time from the start of
    /// the month, moving the clock to the end of each window (as a collector polling through the
    /// month would see it) until the clock's starting time; returns every record id read
    /// (repeats included), how many blobs were read and the blobs refused as expired.
    private static func collectEverything(_ tenant: SimulatedTenant, _ simulator: SimulatorHarness) async throws -> (ids: [String], blobs: Int, expired: [String]) {
        let end = simulator.clock.now
        var token = try await simulator.token(tenant)
        let contentTypes = [ManagementContentType.azureActiveDirectory, .exchange, .sharePoint, .general]
        for contentType in contentTypes {
            _ = try await simulator.send("POST", simulator.feed(tenant, "subscriptions/start?contentType=\(contentType.rawValue)"), token: token)
        }
        var ids: [String] = []
        var blobs = 0
        var expired: [String] = []
        var windowStart = ServerFixtures.start
        while windowStart < end {
            let windowEnd = min(end, windowStart.adding(milliseconds: ServerFixtures.day))
            simulator.clock.set(to: windowEnd)
            token = try await simulator.token(tenant)
            for contentType in contentTypes {
                for item in try await simulator.listContent(tenant, contentType, start: windowStart, end: windowEnd, token: token).items {
                    let blob = try await simulator.get(try #require(item["contentUri"]?.stringValue), token: token)
                    blobs += 1
                    guard blob.status == 200 else {
                        #expect(blob.errorCode == "AF20051")
                        expired.append(item["contentId"]?.stringValue ?? "")
                        continue
                    }
                    ids += blob.recordIDs
                }
            }
            windowStart = windowEnd
        }
        return (ids, blobs, expired)
    }

    @Test("duplicate blobs, repeated records and expired blobs still give every deliverable record, and only those")
    func exactlyOnceAsASet() async throws {
        let tenant = ServerFixtures.tenant(days: 2) {
            $0.delivery.blobInterval = .seconds(30 * 60)
            $0.faults.duplicateBlobShare = 0.2
            $0.faults.duplicateRecordShare = 0.1
            $0.faults.expiredBlobShare = 0.05
        }
        let clock = ServerFixtures.clock(days: 2, hours: 7)
        try await withSimulator([tenant], clock: clock) { simulator in
            // When
            let collected = try await Self.collectEverything(tenant, simulator)

            // Then
            let truth = simulator.server.deliverableRecordIDs(tenant: tenant.id)
            #expect(Set(collected.ids) == truth)
            #expect(collected.ids.count > truth.count, "duplicates were served")
            #expect(!collected.expired.isEmpty)
            #expect(Set(collected.expired).isSubset(of: Set(simulator.server.expiredContentIDs(tenant: tenant.id))))
            // Records only in expired blobs are lost: fewer than all of the two days, but most.
            let everything = Scenario(tenant.scenario).dataset().auditRecords.count
            #expect(truth.count < everything)
            #expect(truth.count > everything * 8 / 10)
        }
    }

    @Test("without faults, every record is delivered once, in at least fifty blobs of up to a thousand records")
    func volume() async throws {
        let tenant = ServerFixtures.tenant(days: 9) {
            $0.scenario.scale = 2
            $0.delivery.blobInterval = .seconds(86_400)
            $0.delivery.contentPageSize = 200
        }
        let clock = ServerFixtures.clock(days: 10, hours: 1)
        try await withSimulator([tenant], clock: clock) { simulator in
            let collected = try await Self.collectEverything(tenant, simulator)
            #expect(collected.ids.count == Set(collected.ids).count)
            #expect(Set(collected.ids) == simulator.server.deliverableRecordIDs(tenant: tenant.id))
            #expect(collected.ids.count >= 50_000)
            #expect(collected.blobs >= 50)
        }
    }
}
