import BreakwaterModel
import Foundation
import M365Simulator
import Testing

@Suite("Where people sign in from")
struct ScenarioTravelTests {
    /// Sign-ins by person, in time order, without those placed by a network rather than by
    /// the person: the Zscaler edge (placed in the US) and the attacker's.
    private static func placedSignIns() -> [String: [Event]] {
        let zscaler = IPNetwork("165.225.104.0/22")!
        let attacker = Set(ScenarioFixtures.attack.attackerAddresses.compactMap { IPAddress($0) })
        var byPerson: [String: [Event]] = [:]
        for event in ScenarioFixtures.signInEvents {
            guard let actor = event.actor, let address = event.sourceIP, !zscaler.contains(address), !attacker.contains(address) else { continue }
            byPerson[actor, default: []].append(event)
        }
        return byPerson
    }

    /// The fastest travel two consecutive sign-ins imply, in km/h.
    private static func fastestSpeed(_ events: [Event]) -> (speed: Double, between: String) {
        var fastest = (speed: 0.0, between: "")
        for (earlier, later) in zip(events, events.dropFirst()) {
            guard let from = earlier.reportedLocation, let to = later.reportedLocation, let fromLatitude = from.latitude,
                let fromLongitude = from.longitude, let toLatitude = to.latitude, let toLongitude = to.longitude
            else { continue }
            let kilometres = distance(fromLatitude, fromLongitude, toLatitude, toLongitude)
            guard kilometres > 1 else { continue }
            let hours = max(Double(later.time.millisecondsSince1970 - earlier.time.millisecondsSince1970), 1_000) / 3_600_000
            if kilometres / hours > fastest.speed {
                fastest = (kilometres / hours, "\(from.city ?? "?") \(earlier.time) → \(to.city ?? "?") \(later.time)")
            }
        }
        return fastest
    }

    private static func distance(_ latitude1: Double, _ longitude1: Double, _ latitude2: Double, _ longitude2: Double) -> Double {
        let radians = Double.pi / 180
        let a =
            pow(sin((latitude2 - latitude1) * radians / 2), 2) + cos(latitude1 * radians) * cos(latitude2 * radians)
            * pow(sin((longitude2 - longitude1) * radians / 2), 2)
        return 2 * 6371 * asin(min(1, a.squareRoot()))
    }

    @Test("travellers sign in abroad, and never faster than an airliner could take them")
    func travellers() throws {
        let signIns = Self.placedSignIns()
        #expect(ScenarioFixtures.truth.travellers.count == 3)
        for traveller in ScenarioFixtures.truth.travellers {
            let events = try #require(signIns[traveller.userPrincipalName])
            let countries = Set(events.compactMap { $0.reportedLocation?.countryOrRegion })
            for trip in traveller.trips { #expect(countries.contains(trip.country), "\(traveller.userPrincipalName) in \(trip.city)") }
            let fastest = Self.fastestSpeed(events)
            #expect(fastest.speed <= 800, "\(traveller.userPrincipalName): \(Int(fastest.speed)) km/h \(fastest.between)")
        }
    }

    @Test("nobody's own sign-ins imply impossible travel; only the Zscaler edge places people abroad")
    func everyone() {
        for (person, events) in Self.placedSignIns() {
            let fastest = Self.fastestSpeed(events)
            #expect(fastest.speed <= 800, "\(person): \(Int(fastest.speed)) km/h \(fastest.between)")
        }
    }

    @Test("people behind Zscaler switch between home broadband and the edge within minutes")
    func proxySwitching() throws {
        let zscaler = try #require(IPNetwork("165.225.104.0/22"))
        var switches = 0
        for person in ScenarioFixtures.truth.proxyUsers {
            let events = ScenarioFixtures.signInEvents.filter { $0.actor == person }
            #expect(events.contains { $0.sourceIP.map(zscaler.contains) == true })
            for (earlier, later) in zip(events, events.dropFirst())
            where earlier.sourceIP.map(zscaler.contains) != later.sourceIP.map(zscaler.contains)
                && later.time.millisecondsSince1970 - earlier.time.millisecondsSince1970 < 15 * 60_000
            {
                switches += 1
            }
        }
        #expect(switches >= 3)
    }

    @Test("the backup account signs in from its server every night and downloads hundreds of files with rclone")
    func backup() {
        let truth = ScenarioFixtures.truth
        let events = ScenarioFixtures.auditEvents.filter { $0.actor == truth.backupAccount }
        let signIns = events.filter { $0.kind == .signInSucceeded }
        #expect(signIns.count == truth.days)
        let downloads = events.filter { $0.kind == .fileDownloaded }
        #expect(downloads.count >= 250 * truth.days && downloads.count <= 400 * truth.days)
        #expect(events.allSatisfy { $0.sourceIP == IPAddress(truth.backupAddress) })
        #expect(downloads.allSatisfy { $0.userAgent == "rclone/v1.68.1" })
    }
}
