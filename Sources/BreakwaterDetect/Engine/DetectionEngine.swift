public import BreakwaterModel

/// Runs every enabled detector over a stream of events, in event time, and turns their
/// findings into alerts.
///
/// A value: events in, alerts out, state carried along. The same records give the same
/// alerts (with the same ids) however they are split into batches and in whatever order they
/// arrive within the lateness horizon, because events are examined only once no earlier
/// one can still come (``ReorderBuffer``), in a total order.
///
/// ```swift
/// var engine = DetectionEngine(configuration: configuration)
/// let alerts = engine.process(batch) + engine.flush()
/// ```
public struct DetectionEngine: Sendable {
    public let detectors: [any Detector]
    public var configuration: DetectionConfiguration
    public private(set) var state: DetectionState
    /// Detector indexes by action kind.
    private let detectorsByKind: [[Int]]

    /// - Parameters:
    ///   - configuration: per-tenant settings.
    ///   - detectors: the detectors to run (all built-in ones by default).
    ///   - state: state saved by an earlier engine, to continue from.
    public init(configuration: DetectionConfiguration = DetectionConfiguration(), detectors: [any Detector] = BuiltInDetectors.all, state: DetectionState = DetectionState()) {
        self.configuration = configuration
        self.detectors = detectors
        self.state = state
        var byKind = [[Int]](repeating: [], count: (ActionKind.allCases.map(\.rawValue).max() ?? 0) + 1)
        for (index, detector) in detectors.enumerated() {
            for kind in detector.kinds { byKind[kind.rawValue].append(index) }
        }
        detectorsByKind = byKind
    }

    /// Takes a batch of enriched events and returns the alerts raised by those now due.
    public mutating func process(_ events: [Event]) -> [Alert] {
        let due = state.buffer.add(events)
        return due.flatMap { examine($0) }
    }

    /// Examines every event still held back (the end of the input) and returns their alerts.
    public mutating func flush() -> [Alert] {
        state.buffer.flush().flatMap { examine($0) }
    }

    /// Runs the detectors on one event, then lets the identity learn from it.
    private mutating func examine(_ original: Event) -> [Alert] {
        let time = original.time.millisecondsSince1970
        var tenantState = state.tenants.removeValue(forKey: original.tenant) ?? TenantState()
        defer { state.tenants[original.tenant] = tenantState }
        tenantState.clock = max(tenantState.clock, time)
        tenantState.prune(at: time, horizon: Self.stateHorizon)
        guard let user = original.actor, !user.isEmpty else { return [] }
        var configuration = configuration.configuration(for: original.tenant)
        if Self.isSignIn(original.kind) {
            if original.record.source == .graphSignIn { tenantState.hasGraphSignIns = true }
            guard Self.reads(original, source: configuration.signInSource, tenantHasGraph: tenantState.hasGraphSignIns) else { return [] }
        }
        let identity = tenantState.identities.removeValue(forKey: user)
        if configuration.domains.isEmpty {
            // Without configured domains, the tenant's own are those its users sign in with.
            if identity == nil, ![.guest, .partnerTechnician].contains(original.record.userType) { tenantState.noteDomain(of: user) }
            configuration.domains = tenantState.domains
        }
        var event = original
        if let address = event.sourceIP, configuration.trusts(address) {
            event.network = event.network ?? NetworkFacts(scope: .internet)
            event.network?.isTrusted = true
        }

        // The state moves into the context and back (swapped, never copied): a copy would make
        // the next write copy every identity of the tenant.
        var context = DetectionContext(
            configuration: configuration, user: user, now: time, tenant: TenantState(), identity: identity ?? IdentityState(firstSeen: time))
        swap(&context.tenant, &tenantState)
        for index in detectorsByKind[event.kind.rawValue] {
            let detector = detectors[index]
            let settings = configuration.detectors[detector.descriptor.id]
            if settings?.enabled == false { continue }
            context.detector = detector.descriptor
            context.settings = settings
            detector.inspect(event, in: &context)
        }
        context.detector = nil
        context.settings = nil

        var alerts: [Alert] = []
        for (descriptor, finding) in context.findings {
            var alert = makeAlert(descriptor, finding, event: event, configuration: configuration)
            if let ip = alert.ip, context.identity.knowsAddress(ip) {
                // The identity's own place: not evidence of where an attacker is.
                alert.details[Alert.familiarAddressDetail] = "true"
            }
            guard !configuration.suppressions.contains(where: { $0.matches(alert) }) else { continue }
            guard context.tenant.noteRaised(alert.id, at: time) else { continue }
            alerts.append(alert)
        }
        Baseline.learn(from: event, alerts: alerts, in: &context)
        swap(&context.tenant, &tenantState)
        tenantState.identities[user] = context.identity
        return alerts
    }

    private func makeAlert(_ descriptor: DetectorDescriptor, _ finding: Finding, event: Event, configuration: TenantConfiguration) -> Alert {
        let user = finding.user.map { $0.isEmpty ? nil : $0 } ?? event.actor
        let sessions = finding.sessions ?? event.sessions.all
        return Alert(
            id: Alert.makeID(descriptor.id.rawValue, event.tenant.description, user ?? "", finding.key, event.id.description),
            detector: descriptor.id, category: descriptor.category,
            severity: configuration.detectors[descriptor.id]?.severity ?? finding.severity ?? descriptor.severity,
            tenant: event.tenant, user: user, time: event.time, ip: finding.ip ?? event.sourceIP,
            evidence: finding.evidence, attack: descriptor.attack, summary: finding.summary, details: finding.details,
            sessions: sessions, stage: descriptor.stage)
    }

    /// How long windows, sessions and quiet periods are kept (event time).
    static let stateHorizon: Int64 = 7 * 86_400_000

    static func isSignIn(_ kind: ActionKind) -> Bool {
        switch kind {
        case .signInSucceeded, .signInFailed, .mfaChallenged, .mfaFailed: true
        default: false
        }
    }

    /// Whether a sign-in comes from the sign-in log detection reads for the tenant, so that
    /// a sign-in read from both logs is counted once.
    static func reads(_ event: Event, source: SignInSource, tenantHasGraph: Bool) -> Bool {
        let isGraph = event.record.source == .graphSignIn
        switch source {
        case .graph: return isGraph
        case .auditLog: return !isGraph
        case .auto: return isGraph || !tenantHasGraph
        }
    }
}

extension SessionIdentifiers {
    /// Every id present, Entra session first.
    var all: [String] {
        [entraSessionID, mailboxSessionID, uniqueTokenID].compactMap(\.self)
    }
}
