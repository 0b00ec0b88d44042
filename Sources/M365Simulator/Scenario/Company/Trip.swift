/// A business trip abroad: where to, and on which days of the scenario.
///
/// On the way out the traveller works at home early, flies, and signs in at the hotel hours
/// later; on the way back the reverse. The gap always covers the flight plus getting to and
/// from airports, so no two sign-ins imply travel faster than an airliner.
struct Trip: Sendable, Hashable {
    /// A destination and the networks used there.
    struct Destination: Sendable, Hashable {
        var place: Place
        /// Hotel and client-office broadband.
        var broadband: Network
        /// The local network roaming phones come out of.
        var mobile: Network

        static let frankfurt = Destination(place: .frankfurt, broadband: .telekom, mobile: .telekom)
        static let paris = Destination(place: .paris, broadband: .orange, mobile: .orange)
        static let philadelphia = Destination(place: .philadelphia, broadband: .comcast, mobile: .tMobileUS)
    }

    var destination: Destination
    /// The scenario day of the outbound flight (0 = the first day).
    var departureDay: Int
    /// The scenario day of the flight home.
    var returnDay: Int

    /// Door-to-door time from the UK to the destination: the flight at 650 km/h plus three
    /// hours of airports and transfers.
    var travelTime: Int64 {
        let hours = Place.leeds.distance(to: destination.place) / 650 + 3
        return Int64(hours * Double(TimeText.millisecondsPerHour))
    }

    func contains(day: Int) -> Bool { day >= departureDay && day <= returnDay }
}
