import BreakwaterModel

/// What detection remembers about one identity: its habits (the baseline), its recent
/// activity (windows), and whether it is under suspicion. Bounded whatever its history.
public struct IdentityState: Codable, Sendable, Equatable {
    /// When the identity was first seen (event time): the learning period starts here.
    var firstSeen: Int64
    /// Its latest activity of any kind.
    var lastSeen: Int64
    /// Its latest successful sign-in with a known location.
    var lastSignIn: SignInPoint?
    var addresses = RecentSet<IPAddress>(capacity: 64)
    /// `/24` (IPv4) and `/48` (IPv6) prefixes.
    var prefixes = RecentSet<String>(capacity: 64)
    var countries = RecentSet<String>(capacity: 16)
    var networks = RecentSet<UInt32>(capacity: 32)
    /// Client fingerprints (`Edge/Windows`).
    var clients = RecentSet<String>(capacity: 16)
    /// Folders the identity's own inbox rules move mail to.
    var ruleFolders = RecentSet<String>(capacity: 16)
    /// Successful sign-ins counted into the baseline.
    var signIns = 0
    /// Event windows by name (failures, downloads, deletes, joins …).
    var windows: [String: EventWindow] = [:]
    /// Per-day peaks of volumes the identity's own habits are judged by, by name: the largest
    /// number of distinct files downloaded (`downloads`) or deleted (`deletions`) in one window.
    var volumePeaks: [String: DailyPeaks] = [:]
    /// Until when a detector stays quiet for this identity after raising (by detector id).
    var quietUntil: [String: Int64] = [:]
    /// Addresses and sessions tied to a suspected compromise, and until when.
    var suspicion: Suspicion?

    init(firstSeen: Int64) {
        self.firstSeen = firstSeen
        lastSeen = firstSeen
    }

    /// Whether the learning period is over at `time`.
    func hasLearned(at time: Int64, days: Int) -> Bool {
        time - firstSeen >= Int64(days) * 86_400_000
    }

    /// Whether the baseline knows the place `network` describes (its address, prefix,
    /// country or network).
    func knowsAddress(_ address: IPAddress) -> Bool {
        addresses.contains(address) || prefixes.contains(Self.prefix(of: address))
    }

    /// Drops windows, quiet periods and suspicion that ended before `time`.
    mutating func prune(before time: Int64) {
        for name in windows.keys {
            windows[name]?.prune(before: time)
            if windows[name]?.isEmpty == true { windows.removeValue(forKey: name) }
        }
        quietUntil = quietUntil.filter { $0.value >= time }
        if let until = suspicion?.until, until < time { suspicion = nil }
    }

    /// The `/24` or `/48` an address belongs to.
    static func prefix(of address: IPAddress) -> String {
        if address.isIPv4 {
            return "\(IPAddress(high: address.high, low: address.low & ~0xFF))/24"
        }
        return "\(IPAddress(high: address.high & ~0xFFFF, low: 0))/48"
    }
}

/// A successful sign-in's place and time, for travel checks.
struct SignInPoint: Codable, Sendable, Equatable {
    var time: Int64
    var address: IPAddress
    var countryCode: String?
    var latitude: Double
    var longitude: Double
    var isPrecise: Bool
    /// A hosting provider or an anonymising proxy.
    var isRisky: Bool
    var record: RecordID
}

/// What is suspected of an identity: the attacker's addresses and sessions.
struct Suspicion: Codable, Sendable, Equatable {
    var until: Int64
    var addresses: Set<IPAddress> = []
    var sessions: Set<String> = []
    /// Why, in alert ids.
    var alerts: [String] = []

    /// Whether `event` comes from the suspected attacker.
    func covers(_ event: Event) -> Bool {
        if let address = event.sourceIP, addresses.contains(address) { return true }
        let ids = event.sessions
        return [ids.entraSessionID, ids.mailboxSessionID, ids.uniqueTokenID].contains { $0.map(sessions.contains) ?? false }
    }
}

/// Per-day peaks of a count, for volume baselines robust to one odd day.
struct DailyPeaks: Codable, Sendable, Equatable {
    /// Day number (days since 1970) → the day's peak.
    private(set) var peaks: [Int64: Int] = [:]
    static let days = 14

    mutating func record(_ value: Int, at time: Int64) {
        let day = time / 86_400_000
        peaks[day] = max(peaks[day] ?? 0, value)
        let oldest = day - Int64(Self.days)
        peaks = peaks.filter { $0.key > oldest }
    }

    /// The median of the peaks of days before `time`'s day; `nil` with no earlier day.
    func typical(before time: Int64) -> Int? {
        let day = time / 86_400_000
        let earlier = peaks.filter { $0.key < day }.map(\.value).sorted()
        guard !earlier.isEmpty else { return nil }
        return earlier[earlier.count / 2]
    }
}
