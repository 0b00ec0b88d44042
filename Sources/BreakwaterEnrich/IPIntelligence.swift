public import BreakwaterModel
import Synchronization

/// What is known about an address: its scope, country, autonomous system and flags from the
/// IPFire location database, city and coordinates from an optional MaxMind database, and
/// whether it belongs to Microsoft or to a hosting provider.
///
/// A missing or broken database never stops anything: the addresses are then known by scope
/// only, and ``warnings`` says what is missing. Lookups are cached.
public final class IPIntelligence: Sendable {
    /// What could not be loaded, for the operator (logged once by the caller).
    public let warnings: [String]

    private let location: LocationDatabase?
    private let cities: CityDatabase?
    private let cache = Mutex<[IPAddress: NetworkFacts]>([:])
    private static let cacheLimit = 200_000

    /// Opens the databases.
    ///
    /// - Parameters:
    ///   - locationDatabase: the libloc database (`nil`: none).
    ///   - cityDatabase: a MaxMind-format city database (`nil`: none).
    public init(locationDatabase: String? = "/usr/share/libloc-location/location.db", cityDatabase: String? = nil) {
        var warnings: [String] = []
        do throws(EnrichmentError) {
            location = try locationDatabase.map { path throws(EnrichmentError) in try LocationDatabase(path: path) }
        } catch {
            warnings.append("\(error); addresses will have no country or network")
            location = nil
        }
        do throws(EnrichmentError) {
            cities = try cityDatabase.map { path throws(EnrichmentError) in try CityDatabase(path: path) }
        } catch {
            warnings.append("\(error); locations will be country-level")
            cities = nil
        }
        self.warnings = warnings
    }

    /// The facts for `address`.
    public func facts(for address: IPAddress) -> NetworkFacts {
        if let cached = cache.withLock({ $0[address] }) { return cached }
        let facts = lookUp(address)
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[address] = facts
        }
        return facts
    }

    private func lookUp(_ address: IPAddress) -> NetworkFacts {
        let scope = AddressScope.of(address)
        guard scope == .internet else { return NetworkFacts(scope: scope) }
        var facts = NetworkFacts(scope: .internet)
        if let entry = location?.lookup(address) {
            facts.countryCode = entry.countryCode
            facts.asn = entry.asn
            facts.asName = entry.asName
            facts.isAnonymousProxy = entry.isAnonymousProxy
            if let asn = entry.asn {
                facts.isMicrosoft = KnownNetworks.microsoft.contains(asn)
                facts.isCorporateProxy = KnownNetworks.corporateProxies.contains(asn)
                facts.isHostingProvider =
                    !facts.isMicrosoft && !facts.isCorporateProxy && KnownNetworks.isHosting(asn: asn, name: entry.asName)
            }
        }
        if let city = cities?.lookup(address), let latitude = city.latitude, let longitude = city.longitude {
            facts.city = city.city
            facts.countryCode = facts.countryCode ?? city.countryCode
            facts.latitude = latitude
            facts.longitude = longitude
            facts.precision = .city
        } else if let country = facts.countryCode, let centre = CountryCentroids.coordinates[country] {
            facts.latitude = centre.latitude
            facts.longitude = centre.longitude
            facts.precision = .country
        }
        return facts
    }
}
