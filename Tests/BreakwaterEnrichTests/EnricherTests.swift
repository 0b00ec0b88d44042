import BreakwaterModel
import Testing

@testable import BreakwaterEnrich

@Suite("Event enrichment")
struct EnricherTests {
    static let enricher = Enricher(intelligence: IPIntelligenceTests.intelligence)
    static let tenant = TenantID("4a2b8c3d-1111-4e5f-9a8b-7c6d5e4f3a2b")!

    func graphSignIn(address: String, location: String, clientApp: String = "Browser", userAgent: String = "Mozilla/5.0 Chrome/130.0") throws
        -> Event
    {
        let text = """
            {"id":"66ea54eb-6301-4ee5-be62-ff5a759b0100","createdDateTime":"2026-11-02T09:15:41Z",\
            "userPrincipalName":"megan.bowen@contoso.com","ipAddress":"\(address)","clientAppUsed":"\(clientApp)",\
            "userAgent":"\(userAgent)","status":{"errorCode":0},"location":\(location)}
            """
        return Event(record: try AuditRecord(graphSignInJSON: Array(text.utf8)), tenant: Self.tenant)
    }

    @Test("prefers Microsoft's own placement of a Graph sign-in to the database's")
    func reportedLocation() throws {
        var event = try graphSignIn(
            address: "81.128.1.1",
            location: #"{"city":"Bristol","countryOrRegion":"GB","geoCoordinates":{"latitude":51.45,"longitude":-2.58}}"#)
        Self.enricher.enrich(&event)
        let facts = try #require(event.network)
        #expect(facts.city == "Bristol")
        #expect(facts.precision == .city)
        #expect(facts.latitude == 51.45)
        #expect(facts.asn == 2856)  // the network still comes from the database
    }

    @Test("keeps the database's location when Microsoft reports no coordinates")
    func emptyCoordinates() throws {
        var event = try graphSignIn(
            address: "79.192.1.1", location: #"{"countryOrRegion":"DE","geoCoordinates":{"latitude":0,"longitude":0}}"#)
        Self.enricher.enrich(&event)
        #expect(event.network?.precision == .country)
        #expect(event.network?.countryCode == "DE")
    }

    @Test("treats a sign-in Graph names as a legacy protocol as one, whatever its agent says")
    func legacyClientApp() throws {
        var event = try graphSignIn(address: "81.128.1.1", location: "{}", clientApp: "IMAP4")
        Self.enricher.enrich(&event)
        #expect(event.client?.kind == .legacyProtocol)
        #expect(event.client?.family == "IMAP4")
    }

    @Test("classifies the user agent")
    func userAgent() throws {
        var event = try graphSignIn(address: "81.128.1.1", location: "{}", userAgent: "python-requests/2.31.0")
        Self.enricher.enrich(&event)
        #expect(event.client?.kind == .script)
    }
}
