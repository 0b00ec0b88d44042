public import BreakwaterModel

/// One built-in detection: a behaviour to recognise in a stream of events.
///
/// A detector is pure. The engine shows it each event of the kinds it asks for, in event
/// time, with the tenant's and the identity's remembered state; it reports what it finds
/// through the context and keeps whatever it needs to remember in that state. It never looks
/// anything up (enrichment arrives as ``Event/network`` and ``Event/client``) and never reads
/// the clock.
///
/// Each detector carries its own positive and negative ``examples``: the tests run them all,
/// and so does `breakwater detectors test`.
public protocol Detector: Sendable {
    /// What the detector is, for people and for configuration.
    var descriptor: DetectorDescriptor { get }
    /// The kinds of action the detector inspects; it sees no others.
    var kinds: Set<ActionKind> { get }
    /// Inspects one event, raising findings through `context`.
    func inspect(_ event: Event, in context: inout DetectionContext)
    /// Events that must raise, or must not raise, this detector's alert.
    var examples: [DetectorExample] { get }
}

/// What a detector is: its identity, what its alerts mean, and how it can be tuned.
public struct DetectorDescriptor: Sendable {
    /// `Workload.Subject.Behaviour`, matching the detector's file name.
    public var id: DetectorID
    /// A short title for alert lists (`Inbox rule hides mail`).
    public var title: String
    public var category: AlertCategory
    /// The severity of a typical finding; findings may say otherwise, operators may override.
    public var severity: Severity
    public var stage: KillChainStage
    public var attack: [AttackTechnique]
    /// One paragraph: what the behaviour is, why it matters, and how it is recognised.
    public var explanation: String
    /// What legitimately looks like this, and how to tell.
    public var falsePositives: String
    /// The first things a responder should check or do.
    public var runbook: String
    /// The settings operators can tune per tenant, with their defaults.
    public var thresholds: [Threshold]

    public init(
        id: String, title: String, category: AlertCategory, severity: Severity, stage: KillChainStage, attack: [AttackTechnique],
        explanation: String, falsePositives: String, runbook: String, thresholds: [Threshold] = []
    ) {
        self.id = DetectorID(rawValue: id)
        self.title = title
        self.category = category
        self.severity = severity
        self.stage = stage
        self.attack = attack
        self.explanation = explanation
        self.falsePositives = falsePositives
        self.runbook = runbook
        self.thresholds = thresholds
    }
}

/// A tunable number of a detector: a count, a span of minutes, a ratio.
public struct Threshold: Sendable, Hashable {
    /// The key in the tenant configuration (`distinct_files`).
    public var name: String
    public var defaultValue: Double
    /// What the number means, with its unit.
    public var meaning: String

    public init(_ name: String, default defaultValue: Double, _ meaning: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.meaning = meaning
    }
}
