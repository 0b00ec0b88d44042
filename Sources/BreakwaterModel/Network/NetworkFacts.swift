/// What is known about a source address: where it is, who routes it, and what kind of
/// network it is. Filled in by enrichment (`BreakwaterEnrich`) and read by detectors, which
/// never look anything up themselves.
public struct NetworkFacts: Sendable, Hashable, Codable {
    /// The kind of address.
    public enum Scope: String, Sendable, Hashable, Codable {
        /// A routable Internet address.
        case internet
        /// RFC 1918 / unique-local: inside someone's network.
        case privateNetwork = "private"
        case loopback
        case linkLocal = "link-local"
        /// RFC 6598 carrier-grade NAT space.
        case sharedAddressSpace = "shared"
        /// Documentation, benchmarking, multicast and other reserved ranges.
        case reserved
    }

    /// How precise ``latitude`` and ``longitude`` are.
    public enum Precision: String, Sendable, Hashable, Codable {
        /// A city (Microsoft's own sign-in location, or a MaxMind database).
        case city
        /// The centre of the country: distances within hundreds of kilometres mean little.
        case country
        /// No coordinates.
        case none
    }

    public var scope: Scope
    /// ISO 3166-1 alpha-2 country code (`GB`), when known.
    public var countryCode: String?
    /// The autonomous system that routes the address.
    public var asn: UInt32?
    public var asName: String?
    /// Tor exit or anonymising proxy (the location database's A1 flag).
    public var isAnonymousProxy: Bool
    /// A hosting, cloud or VPS provider: ordinary users rarely sign in from one.
    public var isHostingProvider: Bool
    /// Microsoft's own networks: the address of a Microsoft service acting for the user,
    /// not the user's location.
    public var isMicrosoft: Bool
    /// A security service edge or privacy relay (Zscaler, Netskope, Cloudflare WARP, iCloud
    /// Private Relay): traffic leaves from the provider's nearest point, so the address says
    /// little about where the user is.
    public var isCorporateProxy: Bool
    /// Whether the tenant's configuration trusts the address (office egress, VPN).
    public var isTrusted: Bool
    public var city: String?
    public var latitude: Double?
    public var longitude: Double?
    public var precision: Precision

    public init(
        scope: Scope, countryCode: String? = nil, asn: UInt32? = nil, asName: String? = nil, isAnonymousProxy: Bool = false,
        isHostingProvider: Bool = false, isMicrosoft: Bool = false, isCorporateProxy: Bool = false, isTrusted: Bool = false, city: String? = nil,
        latitude: Double? = nil, longitude: Double? = nil, precision: Precision = .none
    ) {
        self.scope = scope
        self.countryCode = countryCode
        self.asn = asn
        self.asName = asName
        self.isAnonymousProxy = isAnonymousProxy
        self.isHostingProvider = isHostingProvider
        self.isMicrosoft = isMicrosoft
        self.isCorporateProxy = isCorporateProxy
        self.isTrusted = isTrusted
        self.city = city
        self.latitude = latitude
        self.longitude = longitude
        self.precision = precision
    }

    /// Whether the address says where the user is: a public address outside Microsoft's
    /// own networks.
    public var locatesUser: Bool { scope == .internet && !isMicrosoft }
}
