/// What carries over from one day to the next for a person: the Entra sessions of their
/// laptop and phone, which last for days, and one-off actions not yet done.
struct PersonState: Sendable {
    /// An Entra session on one device, started by a full sign-in with MFA.
    struct DeviceSession: Sendable {
        var id: String
        var expires: Int64
    }

    var laptopSession: DeviceSession?
    var phoneSession: DeviceSession?
    /// Planned actions whose day has come but that found no working time yet.
    var pendingActions: [PlannedAction] = []

    /// The state at the start of the month: sessions signed in before it began, which run
    /// out during the first days, so that day 0 looks like any other day.
    init(person: Person, start: Int64, seed: UInt64) {
        var random = SeededRandom(seed: seed, stream: 8, UInt64(person.index))
        let day = TimeText.millisecondsPerDay
        laptopSession = DeviceSession(id: random.guid(), expires: start + day / 2 + random.milliseconds(in: 0..<(4 * day)))
        phoneSession = DeviceSession(id: random.guid(), expires: start + day + random.milliseconds(in: 0..<(14 * day)))
    }
}
