import BreakwaterModel
import Foundation
import M365Simulator
import Testing

@Suite("Management Activity API content listing and blobs")
struct ServerContentTests {
    private static func start(_ contentType: ManagementContentType, _ tenant: SimulatedTenant, _ simulator: SimulatorHarness, token: String) async throws {
        let exchange = try await simulator.send("POST", simulator.feed(tenant, "subscriptions/start?contentType=\(contentType.rawValue)"), token: token)
        #expect(exchange.status == 200)
    }

    @Test(
        "validates the window (AF20030, AF20055) and the next-page token (AF20031)",
        arguments: [
            ("startTime=2026-10-28T00:00:00", "AF20030"),
            ("startTime=2026-10-27T00:00:00&endTime=2026-10-28T00:00:01", "AF20030"),
            ("startTime=2026-10-20T00:00:00&endTime=2026-10-20T12:00:00", "AF20030"),
            ("startTime=2026-10-28T00:00:00&endTime=2026-10-28T00:00:00", "AF20055"),
            ("startTime=2026-10-28T02:00:00&endTime=2026-10-28T01:00:00", "AF20055"),
            ("startTime=yesterday&endTime=2026-10-28T01:00:00", "AF20002"),
            ("startTime=2026-10-27T00:00:00&endTime=2026-10-28T00:00:00&nextPage=garbage", "AF20031"),
            ("startTime=2026-10-27T00:00:00&endTime=2026-10-28T00:00:00&nextPage=2026102700R-00000000001", "AF20031"),
            ("startTime=2026-10-27T00:00:00&endTime=2026-10-28T00:00:00&nextPage=2026102700R999999999999", "AF20031"),
        ])
    func windowErrors(_ query: String, _ code: String) async throws {
        let tenant = ServerFixtures.tenant()
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 3)) { simulator in
            let token = try await simulator.token(tenant)
            try await Self.start(.exchange, tenant, simulator, token: token)
            let exchange = try await simulator.get(simulator.feed(tenant, "subscriptions/content?contentType=Audit.Exchange&\(query)"), token: token)
            #expect(exchange.status == 400)
            #expect(exchange.errorCode == code)
        }
    }

    @Test("pages with a NextPageUri header to /api/v1/…&nextPage=, filters half-open on contentCreated, and lists nothing not yet created")
    func pagination() async throws {
        let tenant = ServerFixtures.tenant {
            $0.delivery.contentPageSize = 7
        }
        let clock = ServerFixtures.clock(days: 2)
        try await withSimulator([tenant], clock: clock) { simulator in
            let token = try await simulator.token(tenant)
            try await Self.start(.exchange, tenant, simulator, token: token)
            let dayOne = ServerFixtures.start.adding(milliseconds: ServerFixtures.day)
            let noon = dayOne.adding(milliseconds: 12 * ServerFixtures.hour)
            let dayTwo = dayOne.adding(milliseconds: ServerFixtures.day)

            // The first page points at the next one, as the service does.
            let first = try await simulator.get(
                simulator.feed(tenant, "subscriptions/content?contentType=Audit.Exchange&startTime=\(SimulatorHarness.text(dayOne))&endTime=\(SimulatorHarness.text(dayTwo))"),
                token: token)
            let next = try #require(first.header("NextPageUri"))
            #expect(next.hasPrefix("\(simulator.base)/api/v1/\(tenant.id)/activity/feed/subscriptions/content?"))
            #expect(next.contains("nextPage="))
            #expect(first.json.arrayValue?.count == 7)
            let item = try #require(first.json.arrayValue?.first)
            #expect(item["contentId"]?.stringValue?.contains("$") == true)
            #expect(item["contentUri"]?.stringValue == simulator.feed(tenant, "audit/\(item["contentId"]?.stringValue ?? "")"))
            #expect(item["contentCreated"]?.stringValue?.hasSuffix(".000Z") == true)

            // Whole day = morning + afternoon, with nothing in both halves.
            let whole = try await simulator.listContent(tenant, .exchange, start: dayOne, end: dayTwo, token: token)
            let morning = try await simulator.listContent(tenant, .exchange, start: dayOne, end: noon, token: token)
            let afternoon = try await simulator.listContent(tenant, .exchange, start: noon, end: dayTwo, token: token)
            #expect(whole.pages >= 3)
            let ids = { (items: [JSONValue]) in items.compactMap { $0["contentId"]?.stringValue } }
            #expect(ids(whole.items) == ids(morning.items) + ids(afternoon.items))
            #expect(Set(ids(morning.items)).isDisjoint(with: ids(afternoon.items)))
            let created = whole.items.compactMap { $0["contentCreated"]?.stringValue.flatMap(Timestamp.init(iso8601:)) }
            #expect(created.allSatisfy { $0 >= dayOne && $0 < dayTwo && $0 <= clock.now })
            #expect(created == created.sorted())

            // Content appears as the clock moves on.
            let beforeNoon = try await simulator.listContent(tenant, .exchange, start: noon, end: dayTwo, token: token)
            clock.set(to: noon.adding(milliseconds: -1))
            let atNoon = try await simulator.listContent(tenant, .exchange, start: noon, end: dayTwo, token: token)
            #expect(atNoon.items.isEmpty)
            #expect(!beforeNoon.items.isEmpty)
        }
    }

    @Test("omitting the window lists the last 24 hours")
    func defaultWindow() async throws {
        let tenant = ServerFixtures.tenant()
        let clock = ServerFixtures.clock(days: 2, hours: 10)
        try await withSimulator([tenant], clock: clock) { simulator in
            let token = try await simulator.token(tenant)
            try await Self.start(.azureActiveDirectory, tenant, simulator, token: token)
            var url: String? = simulator.feed(tenant, "subscriptions/content?contentType=Audit.AzureActiveDirectory")
            var created: [Timestamp] = []
            while let next = url {
                let page = try await simulator.get(next, token: token)
                created += page.json.arrayValue?.compactMap { $0["contentCreated"]?.stringValue.flatMap(Timestamp.init(iso8601:)) } ?? []
                url = page.header("NextPageUri")
            }
            #expect(!created.isEmpty)
            #expect(created.allSatisfy { $0 >= clock.now.adding(milliseconds: -ServerFixtures.day) && $0 < clock.now })
        }
    }

    @Test("serves blobs by their $ ids (plain or %24-encoded), refuses unknown (AF20050) and malformed (AF20052) ids, and expires them after 7 days (AF20051)")
    func blobs() async throws {
        let tenant = ServerFixtures.tenant()
        let clock = ServerFixtures.clock(days: 2)
        try await withSimulator([tenant], clock: clock) { simulator in
            let token = try await simulator.token(tenant)
            try await Self.start(.sharePoint, tenant, simulator, token: token)
            let listed = try await simulator.listContent(
                tenant, .sharePoint, start: clock.now.adding(milliseconds: -ServerFixtures.day), end: clock.now, token: token)
            let item = try #require(listed.items.first)
            let uri = try #require(item["contentUri"]?.stringValue)
            let contentID = try #require(item["contentId"]?.stringValue)

            let blob = try await simulator.get(uri + "?PublisherIdentifier=\(tenant.id)", token: token)
            #expect(blob.status == 200)
            let records = try #require(blob.json.arrayValue)
            #expect(!records.isEmpty)
            #expect(records.allSatisfy { $0["Workload"] == "SharePoint" || $0["Workload"] == "OneDrive" })
            let encoded = try await simulator.get(
                simulator.feed(tenant, "audit/" + contentID.replacingOccurrences(of: "$", with: "%24")), token: token)
            #expect(encoded.body == blob.body)

            let unknown = try await simulator.get(simulator.feed(tenant, "audit/20261027000000000000001$20261027000000000000001$audit_sharepoint$Audit_SharePoint$emea0001"), token: token)
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "AF20050")
            #expect(try await simulator.get(simulator.feed(tenant, "audit/not-a-content-id"), token: token).errorCode == "AF20052")

            // A week later
            #expect(simulator.server.expiredContentIDs(tenant: tenant.id).isEmpty)
            clock.advance(by: .seconds(7 * 86_400 + 1))
            let expired = try await simulator.get(uri, token: try await simulator.token(tenant))
            #expect(expired.errorCode == "AF20051")
            #expect(simulator.server.expiredContentIDs(tenant: tenant.id).contains(contentID))
        }
    }
}
