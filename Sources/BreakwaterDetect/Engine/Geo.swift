import BreakwaterModel
import Foundation

/// Distances on the Earth's surface.
enum Geo {
    /// The great-circle distance in kilometres between two points (haversine formula).
    static func distance(_ latitude1: Double, _ longitude1: Double, _ latitude2: Double, _ longitude2: Double) -> Double {
        let radius = 6371.0
        let toRadians = Double.pi / 180
        let deltaLatitude = (latitude2 - latitude1) * toRadians
        let deltaLongitude = (longitude2 - longitude1) * toRadians
        let a = sin(deltaLatitude / 2) * sin(deltaLatitude / 2)
            + cos(latitude1 * toRadians) * cos(latitude2 * toRadians) * sin(deltaLongitude / 2) * sin(deltaLongitude / 2)
        return 2 * radius * asin(min(1, sqrt(a)))
    }

    /// A place at a time, as precisely as it is known.
    struct Sighting {
        var latitude: Double
        var longitude: Double
        /// City-level rather than country-level.
        var isPrecise: Bool
        /// Milliseconds since 1970.
        var time: Int64
    }

    /// How far off a country-level position may be, in km.
    static let countryUncertainty = 300.0

    /// The distance between two sightings less what their imprecision allows, in km.
    static func apparentDistance(_ from: Sighting, _ to: Sighting) -> Double {
        let uncertainty = (from.isPrecise ? 25 : countryUncertainty) + (to.isPrecise ? 25 : countryUncertainty)
        return max(0, distance(from.latitude, from.longitude, to.latitude, to.longitude) - uncertainty)
    }

    /// The speed, in km/h, at which someone would have had to travel between two sightings
    /// (at least a minute apart, so that simultaneous sightings are not infinitely fast).
    static func apparentSpeed(_ from: Sighting, _ to: Sighting) -> Double {
        apparentDistance(from, to) / max(Double(to.time - from.time) / 3_600_000, 1.0 / 60)
    }
}

extension Geo.Sighting {
    /// Where `network` places a sign-in at `time`; `nil` without coordinates.
    init?(network: NetworkFacts, time: Int64) {
        guard let latitude = network.latitude, let longitude = network.longitude else { return nil }
        self.init(latitude: latitude, longitude: longitude, isPrecise: network.precision == .city, time: time)
    }

    init(_ point: SignInPoint) {
        self.init(latitude: point.latitude, longitude: point.longitude, isPrecise: point.isPrecise, time: point.time)
    }

    /// Where a session was last seen; `nil` without coordinates.
    init?(_ sighting: SessionSighting) {
        guard let latitude = sighting.latitude, let longitude = sighting.longitude else { return nil }
        self.init(latitude: latitude, longitude: longitude, isPrecise: sighting.isPrecise, time: sighting.time)
    }
}
