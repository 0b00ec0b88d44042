import BreakwaterModel
import BreakwaterTesting
import Testing

@testable import BreakwaterEnrich

/// Enrichment against the real IPFire location database that Debian's `libloc-database`
/// installs: the addresses below are real networks whose owners do not change often.
@Suite("IP intelligence")
struct IPIntelligenceTests {
    static let intelligence = IPIntelligence()

    @Test("the location database loads without warnings")
    func loads() {
        #expect(Self.intelligence.warnings.isEmpty)
    }

    @Test("reads country, network and flags from the location database", arguments: [
        ("81.128.1.1", "GB", UInt32(2856), false, false),  // BT broadband
        ("79.192.1.1", "DE", 3320, false, false),  // Deutsche Telekom
        ("159.203.10.20", "US", 14061, true, false),  // DigitalOcean
        ("88.198.10.20", "DE", 24940, true, false),  // Hetzner
    ])
    func locationDatabase(address: String, country: String, asn: UInt32, hosting: Bool, anonymous: Bool) {
        let facts = Self.intelligence.facts(for: IPAddress(address)!)
        #expect(facts.scope == .internet)
        #expect(facts.countryCode == country)
        #expect(facts.asn == asn)
        #expect(facts.asName?.isEmpty == false)
        #expect(facts.isHostingProvider == hosting)
        #expect(facts.isAnonymousProxy == anonymous)
        #expect(facts.precision == .country)
        #expect(facts.latitude != nil && facts.longitude != nil)
    }

    @Test("flags Tor exits as anonymous proxies")
    func tor() {
        #expect(Self.intelligence.facts(for: IPAddress("185.220.101.1")!).isAnonymousProxy)
    }

    @Test("recognises security service edges, whose addresses say little about the user")
    func corporateProxy() {
        let facts = Self.intelligence.facts(for: IPAddress("165.225.1.1")!)  // Zscaler
        #expect(facts.isCorporateProxy)
        #expect(!facts.isHostingProvider)
    }

    @Test("recognises Microsoft's own networks")
    func microsoft() {
        let facts = Self.intelligence.facts(for: IPAddress("40.96.1.1")!)
        #expect(facts.isMicrosoft)
        #expect(!facts.isHostingProvider)
        #expect(!facts.locatesUser)
    }

    @Test("knows private, loopback, shared and documentation addresses without a lookup", arguments: [
        ("10.1.2.3", NetworkFacts.Scope.privateNetwork), ("192.168.0.10", .privateNetwork), ("fd00::1", .privateNetwork),
        ("127.0.0.1", .loopback), ("::1", .loopback), ("169.254.1.1", .linkLocal), ("fe80::1", .linkLocal),
        ("100.64.0.1", .sharedAddressSpace), ("203.0.113.77", .reserved), ("2001:db8::1", .reserved),
    ])
    func scopes(address: String, scope: NetworkFacts.Scope) {
        let facts = Self.intelligence.facts(for: IPAddress(address)!)
        #expect(facts.scope == scope)
        #expect(facts.countryCode == nil)
        #expect(!facts.locatesUser)
    }

    @Test("degrades with a warning when a database is missing")
    func missingDatabase() {
        let intelligence = IPIntelligence(locationDatabase: "/nonexistent/location.db", cityDatabase: "/nonexistent/city.mmdb")
        #expect(intelligence.warnings.count == 2)
        #expect(intelligence.warnings.allSatisfy { $0.contains("/nonexistent/") })
        let facts = intelligence.facts(for: IPAddress("81.128.1.1")!)
        #expect(facts.scope == .internet)
        #expect(facts.countryCode == nil)
        #expect(intelligence.facts(for: IPAddress("10.0.0.1")!).scope == .privateNetwork)
    }

    @Test("a MaxMind city database adds the city and coordinates")
    func cityDatabase() throws {
        let path = Fixture.path("test-city.mmdb")
        let intelligence = IPIntelligence(cityDatabase: path)
        #expect(intelligence.warnings.isEmpty)
        let leeds = intelligence.facts(for: IPAddress("81.128.7.7")!)
        #expect(leeds.city == "Leeds")
        #expect(leeds.countryCode == "GB")
        #expect(leeds.asn == 2856)
        #expect(leeds.precision == .city)
        #expect(abs((leeds.latitude ?? 0) - 53.7965) < 0.0001)
        let manchester = intelligence.facts(for: IPAddress("2a00:23c4:1::1")!)
        #expect(manchester.city == "Manchester")
        // Not in the city database: the country's centre, marked as such.
        let berlin = intelligence.facts(for: IPAddress("79.192.1.1")!)
        #expect(berlin.city == nil)
        #expect(berlin.precision == .country)
    }

    @Test("a file that is not a database is reported, not fatal")
    func corruptCityDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("broken.mmdb", Array("not a database".utf8))
        let intelligence = IPIntelligence(cityDatabase: path)
        #expect(intelligence.warnings.count == 1)
        #expect(intelligence.facts(for: IPAddress("81.128.1.1")!).countryCode == "GB")
    }
}
