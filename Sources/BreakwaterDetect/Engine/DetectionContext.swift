import BreakwaterModel

/// What a detector sees besides the event: the tenant's configuration and remembered
/// state, the identity's baseline and windows, and where to report findings.
///
/// The engine builds one context per event and hands it to each interested detector in turn;
/// what a detector changes in the state is what the next event sees.
public struct DetectionContext: Sendable {
    /// The configuration of the event's tenant.
    public let configuration: TenantConfiguration
    /// The event's actor (lowercased UPN).
    public let user: String
    /// The event's time, in milliseconds since 1970.
    let now: Int64
    var tenant: TenantState
    var identity: IdentityState
    /// The detector being run, set by the engine.
    var detector: DetectorDescriptor?
    var settings: DetectorSettings?
    /// What the detectors reported for this event, with who reported it.
    private(set) var findings: [(detector: DetectorDescriptor, finding: Finding)] = []

    init(configuration: TenantConfiguration, user: String, now: Int64, tenant: TenantState, identity: IdentityState) {
        self.configuration = configuration
        self.user = user
        self.now = now
        self.tenant = tenant
        self.identity = identity
    }

    /// Reports a finding of the running detector.
    public mutating func raise(_ finding: Finding) {
        guard let detector else { return }
        findings.append((detector, finding))
    }

    /// The running detector's value of `threshold` for this tenant.
    public func value(of threshold: Threshold) -> Double {
        settings?.thresholds[threshold.name] ?? threshold.defaultValue
    }

    /// The running detector's `threshold` as milliseconds, for thresholds given in minutes.
    func milliseconds(ofMinutes threshold: Threshold) -> Int64 {
        Int64(value(of: threshold) * 60_000)
    }

    /// Whether the identity's habits have been learned long enough to judge departures.
    var hasLearned: Bool {
        identity.hasLearned(at: now, days: configuration.learningPeriodDays)
    }

    /// Whether `event` comes from an address or session already suspected for this identity.
    func isSuspected(_ event: Event) -> Bool {
        guard let suspicion = identity.suspicion, suspicion.until >= now else { return false }
        return suspicion.covers(event)
    }

    /// Whether the running detector stays quiet about `key` for this identity.
    func isQuiet(_ key: String) -> Bool {
        guard let detector, let until = identity.quietUntil["\(detector.id)|\(key)"] else { return false }
        return now < until
    }

    /// Keeps the running detector quiet about `key` for this identity for `duration` ms.
    mutating func quiet(_ key: String, for duration: Int64) {
        guard let detector else { return }
        identity.quietUntil["\(detector.id)|\(key)"] = now + duration
    }

    /// The running detector's window `name` for this identity.
    mutating func withWindow<Result>(_ name: String, _ body: (inout EventWindow) -> Result) -> Result {
        let key = "\(detector?.id.rawValue ?? "")|\(name)"
        return body(&identity.windows[key, default: EventWindow()])
    }
}
