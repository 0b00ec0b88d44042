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
}
