public import BreakwaterModel

/// A place examples act from: an address with what enrichment would say of it.
///
/// The addresses are real networks of the kind named (checked against the IPFire location
/// database by the enrichment tests' sibling values), so that examples read like the field.
public struct ExamplePlace: Sendable {
    public var address: IPAddress
    public var network: NetworkFacts

    public init(_ address: String, _ network: NetworkFacts) {
        self.address = IPAddress(address)!
        self.network = network
    }

    /// Another address in the same network (the last byte replaced by `host`).
    public func host(_ host: UInt8) -> ExamplePlace {
        var place = self
        place.address = IPAddress(high: address.high, low: (address.low & ~0xFF) | UInt64(host))
        return place
    }

    private static func broadband(_ country: String, asn: UInt32, name: String, latitude: Double, longitude: Double) -> NetworkFacts {
        NetworkFacts(scope: .internet, countryCode: country, asn: asn, asName: name, latitude: latitude, longitude: longitude, precision: .country)
    }

    /// Home broadband in Leeds (BT).
    public static let homeGB = ExamplePlace("81.128.14.20", broadband("GB", asn: 2856, name: "British Telecommunications PLC", latitude: 55.38, longitude: -3.44))
    /// The office's leased line (BT, another /24).
    public static let officeGB = ExamplePlace("81.128.200.10", broadband("GB", asn: 2856, name: "British Telecommunications PLC", latitude: 55.38, longitude: -3.44))
    /// A phone on EE's mobile network.
    public static let mobileGB = ExamplePlace("2.24.60.7", broadband("GB", asn: 12576, name: "EE Limited", latitude: 55.38, longitude: -3.44))
    /// Another employee's broadband (Virgin Media).
    public static let virginGB = ExamplePlace("82.0.40.9", broadband("GB", asn: 5089, name: "Virgin Media Limited", latitude: 55.38, longitude: -3.44))
    /// A hotel in Germany (Deutsche Telekom).
    public static let hotelDE = ExamplePlace("79.192.33.4", broadband("DE", asn: 3320, name: "Deutsche Telekom AG", latitude: 51.17, longitude: 10.45))
    /// Home broadband in France (Orange).
    public static let homeFR = ExamplePlace("90.0.17.3", broadband("FR", asn: 3215, name: "Orange S.A.", latitude: 46.23, longitude: 2.21))
    /// Broadband in the United States (Comcast).
    public static let broadbandUS = ExamplePlace("73.12.80.5", broadband("US", asn: 7922, name: "Comcast Cable Communications, LLC", latitude: 37.09, longitude: -95.71))
    /// A droplet at DigitalOcean in the United States: where phishing proxies run.
    public static let hostingUS = ExamplePlace(
        "159.203.44.12",
        NetworkFacts(scope: .internet, countryCode: "US", asn: 14061, asName: "DigitalOcean, LLC", isHostingProvider: true, latitude: 37.09, longitude: -95.71, precision: .country))
    /// A VPS in the Netherlands, the token replayer of the seed story.
    public static let hostingNL = ExamplePlace(
        "45.148.10.77",
        NetworkFacts(scope: .internet, countryCode: "NL", asn: 48090, asName: "PPTECHNOLOGY", isHostingProvider: true, latitude: 52.13, longitude: 5.29, precision: .country))
    /// A server at Hetzner in Germany, where a backup job runs.
    public static let hetznerDE = ExamplePlace(
        "88.198.20.40",
        NetworkFacts(scope: .internet, countryCode: "DE", asn: 24940, asName: "Hetzner Online GmbH", isHostingProvider: true, latitude: 51.17, longitude: 10.45, precision: .country))
    /// A Tor exit.
    public static let torDE = ExamplePlace(
        "185.220.101.33",
        NetworkFacts(scope: .internet, countryCode: "DE", asn: 208294, asName: "Tor exit", isAnonymousProxy: true, latitude: 51.17, longitude: 10.45, precision: .country))
    /// The corporate security service edge (Zscaler), egressing in the United States.
    public static let vpnUS = ExamplePlace(
        "165.225.38.20",
        NetworkFacts(scope: .internet, countryCode: "US", asn: 53813, asName: "ZSCALER-INC", isCorporateProxy: true, latitude: 37.09, longitude: -95.71, precision: .country))
    /// An Exchange Online server acting for the user.
    public static let microsoft = ExamplePlace(
        "40.96.12.8", NetworkFacts(scope: .internet, countryCode: "US", asn: 8075, asName: "MICROSOFT-CORP-MSN-AS-BLOCK", isMicrosoft: true))
}
