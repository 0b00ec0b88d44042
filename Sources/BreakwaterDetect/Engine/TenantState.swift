import BreakwaterModel

/// What detection remembers about one tenant: its identities, recent failures by source,
/// sessions, and which networks its people share.
public struct TenantState: Codable, Sendable, Equatable {
    var identities: [String: IdentityState] = [:]
    /// Recent sign-in failures by source address (password spray from one source).
    var failuresBySource: [IPAddress: EventWindow] = [:]
    /// All recent sign-in failures, keyed `user|address` (password spray from many sources,
    /// low and slow).
    var failures = EventWindow()
    /// When each address last signed someone in successfully: a source that also succeeds
    /// is a colleague mistyping, not a sprayer.
    var successfulSources: [IPAddress: Int64] = [:]
    /// Sessions recently seen, with where (token replay across places).
    var sessions: [String: SessionSighting] = [:]
    /// How many distinct identities signed in successfully from each network (ASN), up to
    /// a few: a network many colleagues use (the office, the VPN) is no stranger.
    var networkUsers: [UInt32: Set<String>] = [:]
    /// Countries anyone in the tenant signed in from.
    var countries = RecentSet<String>(capacity: 64)
    /// Alerts raised recently, by id, with when: the same finding is raised once.
    var raised: [String: Int64] = [:]
    /// Until when tenant-wide findings stay quiet, by key (a spraying address).
    var quietUntil: [String: Int64] = [:]
    /// The domains of the tenant's own users' sign-in names, for tenants whose configuration
    /// names none: mail, sharing and forwarding elsewhere is external.
    var domains = Set<String>()
    /// Whether Graph sign-ins have been read for this tenant.
    var hasGraphSignIns = false
    /// The latest event time processed.
    var clock: Int64 = .min
    /// When state no longer needed was last dropped.
    var lastPruned: Int64 = .min

    /// Remembers that `user` signed in from `network`.
    mutating func noteNetwork(_ network: UInt32, user: String) {
        guard (networkUsers[network]?.count ?? 0) < TenantState.sharedNetworkUsers else { return }
        networkUsers[network, default: []].insert(user)
    }

    /// Whether enough colleagues use `network` for it to be the organisation's own.
    func sharesNetwork(_ network: UInt32) -> Bool {
        (networkUsers[network]?.count ?? 0) >= TenantState.sharedNetworkUsers
    }

    static let sharedNetworkUsers = 3

    /// Learns the domain of `user`'s sign-in name (a few dozen at most).
    mutating func noteDomain(of user: String) {
        guard domains.count < 64, let at = user.lastIndex(of: "@") else { return }
        let domain = user[user.index(after: at)...]
        guard !domain.isEmpty, !domains.contains(String(domain)) else { return }
        domains.insert(String(domain))
    }

    /// Whether tenant-wide findings about `key` are quiet at `time`.
    func isQuiet(_ key: String, at time: Int64) -> Bool {
        quietUntil[key].map { time < $0 } ?? false
    }

    /// Keeps tenant-wide findings about `key` quiet until `time`.
    mutating func quiet(_ key: String, until time: Int64) {
        quietUntil[key] = time
    }

    /// Remembers that alert `id` was raised; `false` when it already was.
    mutating func noteRaised(_ id: String, at time: Int64) -> Bool {
        guard raised[id] == nil else { return false }
        raised[id] = time
        return true
    }

    /// Drops windows and sessions older than `horizon` before `time`, once an hour of event
    /// time, so that memory follows the number of identities, not of events.
    mutating func prune(at time: Int64, horizon: Int64) {
        guard time >= lastPruned + 3_600_000 else { return }
        lastPruned = time
        let cutoff = time - horizon
        failures.prune(before: cutoff)
        failuresBySource = failuresBySource.compactMapValues { window in
            var window = window
            window.prune(before: cutoff)
            return window.isEmpty ? nil : window
        }
        sessions = sessions.filter { $0.value.time >= cutoff }
        raised = raised.filter { $0.value >= cutoff }
        successfulSources = successfulSources.filter { $0.value >= cutoff }
        quietUntil = quietUntil.filter { $0.value >= time }
        for user in identities.keys {
            identities[user]?.prune(before: cutoff)
        }
    }
}

/// Where and when a session was last seen from a place that locates its user.
struct SessionSighting: Codable, Sendable, Equatable {
    var user: String
    var time: Int64
    var address: IPAddress
    var countryCode: String?
    var asn: UInt32?
    /// Where the sighting places the user, when known.
    var latitude: Double?
    var longitude: Double?
    var isPrecise: Bool
    var record: RecordID
}
