/// Where a person is during one day and which devices they use there: the shape of an
/// office day, a day working from home, a weekend, or a day of a trip.
///
/// Places change only with time to travel between them: a commute takes 25–50 minutes,
/// phone use on the way happens in its second half, and a flight leaves a gap of the
/// flight plus airports, so consecutive sign-ins never imply impossible speed.
struct DaySchedule {
    /// Where the person is.
    enum Location: Sendable, Hashable {
        case home
        case office
        /// On the way, placed where the trip ends.
        case commute(Place)
        /// Out and about near home (weekends).
        case out
        /// On a trip, at the hotel or a client's office.
        case away(Trip.Destination)
    }

    /// A stretch of the day in one place.
    struct Segment {
        var location: Location
        var start: Int64
        var end: Int64
        /// Whether the laptop is in use for the whole stretch.
        var usesLaptop: Bool
        /// How many times the phone is picked up.
        var phoneUses: Int
        /// How intensely the person works (1 in the office).
        var intensity: Double
    }

    private(set) var segments: [Segment] = []

    /// Plans `person`'s day `day`, which starts at `dayStart` (midnight UTC).
    init(person: Person, day: Int, dayStart: Int64, _ random: inout SeededRandom) {
        let weekday = TimeText.weekday(dayStart + 12 * TimeText.millisecondsPerHour)
        if let trip = person.trip(on: day) {
            planTrip(trip, person: person, day: day, dayStart: dayStart, &random)
        } else if weekday == 0 || weekday == 6 {
            planWeekend(person: person, dayStart: dayStart, &random)
        } else {
            planWorkday(person: person, inOffice: person.officeDays.contains(weekday), dayStart: dayStart, &random)
        }
        segments = segments.filter { $0.end > $0.start }
    }

    /// The UTC instant of `hour` (local, fractional) at `place` on this day.
    private static func local(_ hour: Double, at place: Place, dayStart: Int64) -> Int64 {
        let noon = dayStart + 12 * TimeText.millisecondsPerHour
        return dayStart + Int64(hour * Double(TimeText.millisecondsPerHour)) - place.utcOffset(at: noon)
    }

    private static func hours(_ value: Double) -> Int64 {
        Int64(value * Double(TimeText.millisecondsPerHour))
    }

    private mutating func planWorkday(person: Person, inOffice: Bool, dayStart: Int64, _ random: inout SeededRandom) {
        let home = person.homePlace
        let wake = Self.local(6.5 + random.unit() * 0.75, at: home, dayStart: dayStart)
        let leave = Self.local(7.7 + random.unit() * 0.6, at: home, dayStart: dayStart)
        segments.append(Segment(location: .home, start: wake, end: leave, usesLaptop: false, phoneUses: random.chance(0.6) ? 1 : 0, intensity: 0.5))
        let workEnd: Int64
        if inOffice {
            let arrive = leave + Self.hours(0.42 + random.unit() * 0.4)
            segments.append(
                Segment(
                    location: .commute(.leeds), start: leave, end: arrive, usesLaptop: false, phoneUses: random.chance(0.25) ? 1 : 0, intensity: 0.3))
            let depart = Self.local(17 + random.unit(), at: .leeds, dayStart: dayStart)
            segments.append(
                Segment(location: .office, start: arrive, end: depart, usesLaptop: true, phoneUses: random.integer(in: 1...3), intensity: 1))
            let backHome = depart + Self.hours(0.42 + random.unit() * 0.4)
            segments.append(
                Segment(
                    location: .commute(home), start: depart, end: backHome, usesLaptop: false, phoneUses: random.chance(0.25) ? 1 : 0, intensity: 0.3)
            )
            workEnd = backHome
        } else {
            let start = Self.local(8.4 + random.unit() * 0.6, at: home, dayStart: dayStart)
            let end = Self.local(17 + random.unit() * 0.75, at: home, dayStart: dayStart)
            segments.append(Segment(location: .home, start: start, end: end, usesLaptop: true, phoneUses: random.integer(in: 1...3), intensity: 0.95))
            workEnd = end + Self.hours(0.2)
        }
        planEvening(person: person, from: workEnd, dayStart: dayStart, &random)
    }

    private mutating func planEvening(person: Person, from start: Int64, dayStart: Int64, _ random: inout SeededRandom) {
        let end = Self.local(22.4 + random.unit() * 0.8, at: person.homePlace, dayStart: dayStart)
        segments.append(
            Segment(
                location: .home, start: start, end: end, usesLaptop: false, phoneUses: random.count(averaging: 0.5 + 3 * person.worksAfterHours),
                intensity: 0.4))
        if random.chance(person.worksAfterHours) {
            let laptopStart = Self.local(19.3 + random.unit() * 1.7, at: person.homePlace, dayStart: dayStart)
            let laptopEnd = min(end, laptopStart + Self.hours(0.3 + random.unit() * 1.2))
            segments.append(Segment(location: .home, start: max(start, laptopStart), end: laptopEnd, usesLaptop: true, phoneUses: 0, intensity: 0.6))
        }
    }

    private mutating func planWeekend(person: Person, dayStart: Int64, _ random: inout SeededRandom) {
        let home = person.homePlace
        let start = Self.local(8.5 + random.unit(), at: home, dayStart: dayStart)
        let end = Self.local(22.5 + random.unit() * 0.5, at: home, dayStart: dayStart)
        segments.append(
            Segment(
                location: .home, start: start, end: end, usesLaptop: false, phoneUses: random.count(averaging: 0.8 + 2 * person.worksAfterHours),
                intensity: 0.3))
        if random.chance(0.45) {
            let outStart = Self.local(11 + random.unit() * 4, at: home, dayStart: dayStart)
            segments.append(
                Segment(
                    location: .out, start: outStart, end: outStart + Self.hours(1 + random.unit() * 2), usesLaptop: false, phoneUses: 1,
                    intensity: 0.3))
        }
        if random.chance(person.worksAfterHours * 0.4) {
            let laptopStart = Self.local(10 + random.unit() * 10, at: home, dayStart: dayStart)
            segments.append(
                Segment(
                    location: .home, start: laptopStart, end: laptopStart + Self.hours(0.3 + random.unit() * 1.2), usesLaptop: true, phoneUses: 0,
                    intensity: 0.5))
        }
    }

    private mutating func planTrip(_ trip: Trip, person: Person, day: Int, dayStart: Int64, _ random: inout SeededRandom) {
        let destination = trip.destination
        let away = Location.away(destination)
        let there = destination.place
        if day == trip.departureDay {
            // An early look at mail at home, then the flight; the first sign-in abroad
            // comes no sooner than the journey allows.
            let wake = Self.local(5.2 + random.unit() * 0.5, at: person.homePlace, dayStart: dayStart)
            let leave = Self.local(6.9 + random.unit() * 0.6, at: person.homePlace, dayStart: dayStart)
            segments.append(Segment(location: .home, start: wake, end: leave, usesLaptop: random.chance(0.6), phoneUses: 1, intensity: 0.5))
            let arrive = leave + trip.travelTime + Self.hours(random.unit() * 0.5)
            let evening = max(arrive + Self.hours(1), Self.local(22 + random.unit(), at: there, dayStart: dayStart))
            segments.append(
                Segment(location: away, start: arrive, end: evening, usesLaptop: true, phoneUses: random.integer(in: 1...3), intensity: 0.6))
        } else if day == trip.returnDay {
            let start = Self.local(7 + random.unit() * 0.5, at: there, dayStart: dayStart)
            let leave = Self.local(11 + random.unit(), at: there, dayStart: dayStart)
            segments.append(Segment(location: away, start: start, end: leave, usesLaptop: true, phoneUses: random.integer(in: 1...2), intensity: 0.7))
            let home = leave + trip.travelTime + Self.hours(random.unit() * 0.5)
            let end = max(home + Self.hours(1), Self.local(22.5, at: person.homePlace, dayStart: dayStart))
            segments.append(
                Segment(location: .home, start: home, end: end, usesLaptop: random.chance(0.5), phoneUses: random.integer(in: 1...2), intensity: 0.4))
        } else {
            let start = Self.local(8 + random.unit() * 0.5, at: there, dayStart: dayStart)
            let end = Self.local(18 + random.unit(), at: there, dayStart: dayStart)
            segments.append(Segment(location: away, start: start, end: end, usesLaptop: true, phoneUses: random.integer(in: 2...4), intensity: 0.8))
            let night = Self.local(22 + random.unit(), at: there, dayStart: dayStart)
            segments.append(
                Segment(
                    location: away, start: end + Self.hours(1.5), end: night, usesLaptop: random.chance(0.5), phoneUses: random.integer(in: 1...2),
                    intensity: 0.5))
        }
    }
}
