import Foundation

/// A town or city as Microsoft places a sign-in there: the Graph `location` of every
/// sign-in from it, with the real coordinates, and the local clock people there live by.
struct Place: Sendable, Hashable {
    /// How the place's clocks move with daylight saving time.
    enum Clock: Sendable, Hashable {
        /// UK: GMT, BST in summer (last Sunday of March to last Sunday of October, 01:00 UTC).
        case britain
        /// Central European Time: UTC+1, UTC+2 in summer (same switch instants as the UK).
        case centralEurope
        /// US Eastern: UTC−5, UTC−4 from the second Sunday of March to the first Sunday of
        /// November (at 02:00 local).
        case usEastern
        /// US Central: UTC−6, UTC−5 in summer.
        case usCentral
    }

    var city: String
    var state: String
    /// Two-letter country code (`GB`).
    var country: String
    var latitude: Double
    var longitude: Double
    var clock: Clock

    /// The IANA zone name, as Teams clients report it.
    var timeZoneName: String {
        switch clock {
        case .britain: "Europe/London"
        case .centralEurope: country == "FR" ? "Europe/Paris" : country == "NL" ? "Europe/Amsterdam" : "Europe/Berlin"
        case .usEastern: "America/New_York"
        case .usCentral: "America/Chicago"
        }
    }

    /// Local time minus UTC at `instant`, in milliseconds.
    func utcOffset(at instant: Int64) -> Int64 {
        let hour = TimeText.millisecondsPerHour
        let year = TimeText.year(instant)
        switch clock {
        case .britain, .centralEurope:
            let standard: Int64 = clock == .britain ? 0 : hour
            let summerStart = Self.lastSunday(year: year, month: 3) + hour
            let summerEnd = Self.lastSunday(year: year, month: 10) + hour
            return instant >= summerStart && instant < summerEnd ? standard + hour : standard
        case .usEastern, .usCentral:
            let standard: Int64 = clock == .usEastern ? -5 * hour : -6 * hour
            let summerStart = Self.nthSunday(2, year: year, month: 3) + 2 * hour - standard
            let summerEnd = Self.nthSunday(1, year: year, month: 11) + 2 * hour - (standard + hour)
            return instant >= summerStart && instant < summerEnd ? standard + hour : standard
        }
    }

    /// Great-circle distance in kilometres.
    func distance(to other: Place) -> Double {
        Place.distance(latitude, longitude, other.latitude, other.longitude)
    }

    static func distance(_ latitude1: Double, _ longitude1: Double, _ latitude2: Double, _ longitude2: Double) -> Double {
        let radians = Double.pi / 180
        let deltaLatitude = (latitude2 - latitude1) * radians
        let deltaLongitude = (longitude2 - longitude1) * radians
        let a =
            sin(deltaLatitude / 2) * sin(deltaLatitude / 2) + cos(latitude1 * radians) * cos(latitude2 * radians)
            * sin(deltaLongitude / 2) * sin(deltaLongitude / 2)
        return 2 * 6371 * asin(min(1, a.squareRoot()))
    }

    private static func lastSunday(year: Int, month: Int) -> Int64 {
        let nextMonth =
            month == 12 ? TimeText.milliseconds(year: year + 1, month: 1, day: 1) : TimeText.milliseconds(year: year, month: month + 1, day: 1)
        let lastDay = nextMonth - TimeText.millisecondsPerDay
        return lastDay - Int64(TimeText.weekday(lastDay)) * TimeText.millisecondsPerDay
    }

    private static func nthSunday(_ n: Int, year: Int, month: Int) -> Int64 {
        let first = TimeText.milliseconds(year: year, month: month, day: 1)
        let firstSunday = first + Int64((7 - TimeText.weekday(first)) % 7) * TimeText.millisecondsPerDay
        return firstSunday + Int64(n - 1) * 7 * TimeText.millisecondsPerDay
    }
}

extension Place {
    // Real coordinates of each city centre.
    static let leeds = Place(city: "Leeds", state: "England", country: "GB", latitude: 53.7965, longitude: -1.5478, clock: .britain)
    static let harrogate = Place(city: "Harrogate", state: "England", country: "GB", latitude: 53.9921, longitude: -1.5418, clock: .britain)
    static let york = Place(city: "York", state: "England", country: "GB", latitude: 53.9600, longitude: -1.0873, clock: .britain)
    static let wakefield = Place(city: "Wakefield", state: "England", country: "GB", latitude: 53.6833, longitude: -1.4977, clock: .britain)
    static let bradford = Place(city: "Bradford", state: "England", country: "GB", latitude: 53.7960, longitude: -1.7594, clock: .britain)
    static let huddersfield = Place(
        city: "Huddersfield", state: "England", country: "GB", latitude: 53.6458, longitude: -1.7850, clock: .britain)
    static let otley = Place(city: "Otley", state: "England", country: "GB", latitude: 53.9050, longitude: -1.6930, clock: .britain)
    static let frankfurt = Place(
        city: "Frankfurt am Main", state: "Hessen", country: "DE", latitude: 50.1109, longitude: 8.6821, clock: .centralEurope)
    static let paris = Place(city: "Paris", state: "Ile-de-France", country: "FR", latitude: 48.8566, longitude: 2.3522, clock: .centralEurope)
    static let philadelphia = Place(
        city: "Philadelphia", state: "Pennsylvania", country: "US", latitude: 39.9526, longitude: -75.1652, clock: .usEastern)
    static let chicago = Place(city: "Chicago", state: "Illinois", country: "US", latitude: 41.8781, longitude: -87.6298, clock: .usCentral)
    static let nuremberg = Place(city: "Nuremberg", state: "Bayern", country: "DE", latitude: 49.4521, longitude: 11.0767, clock: .centralEurope)
    static let northBergen = Place(
        city: "North Bergen", state: "New Jersey", country: "US", latitude: 40.8043, longitude: -74.0121, clock: .usEastern)
    static let amsterdam = Place(
        city: "Amsterdam", state: "Noord-Holland", country: "NL", latitude: 52.3676, longitude: 4.9041, clock: .centralEurope)

    /// Where the staff live: Leeds and the towns people commute from.
    static let homeTowns: [Place] = [.leeds, .leeds, .leeds, .harrogate, .york, .wakefield, .bradford, .huddersfield, .otley]
}
