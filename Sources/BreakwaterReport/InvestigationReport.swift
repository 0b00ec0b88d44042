public import BreakwaterDetect
public import BreakwaterModel

/// What an investigation found, ready to render as text, JSON or HTML: the incidents with
/// their footprints, every alert, and what was read.
public struct InvestigationReport: Sendable {
    /// The incidents, most serious first (severity, then risk, then the earliest).
    public var incidents: [Incident]
    /// Every alert, oldest first (those in incidents and those about no one identity).
    public var alerts: [Alert]
    /// How many records were examined.
    public var recordCount: Int
    /// The tenants the records belong to.
    public var tenants: [TenantID]
    /// The earliest and latest record times, when any record was read.
    public var period: ClosedRange<Timestamp>?
    /// What the operator should know about the investigation itself (missing databases,
    /// quarantined records).
    public var warnings: [String]
    /// Detector titles by id, for display.
    public var titles: [DetectorID: String]
    /// Detector runbooks by id: what to check for an incident not yet worth containing.
    public var runbooks: [DetectorID: String]

    public init(
        incidents: [Incident], alerts: [Alert], recordCount: Int, tenants: [TenantID], period: ClosedRange<Timestamp>?, warnings: [String] = [],
        detectors: [any Detector] = BuiltInDetectors.all
    ) {
        self.incidents = incidents.sorted {
            ($1.severity, $1.risk.value, $0.firstSeen, $0.id) < ($0.severity, $0.risk.value, $1.firstSeen, $1.id)
        }
        self.alerts = alerts
        self.recordCount = recordCount
        self.tenants = tenants
        self.period = period
        self.warnings = warnings
        titles = Dictionary(detectors.map { ($0.descriptor.id, $0.descriptor.title) }, uniquingKeysWith: { first, _ in first })
        runbooks = Dictionary(detectors.map { ($0.descriptor.id, $0.descriptor.runbook) }, uniquingKeysWith: { first, _ in first })
    }

    /// The alerts of `incident`, oldest first.
    public func alerts(of incident: Incident) -> [Alert] {
        let ids = Set(incident.alertIDs)
        return alerts.filter { ids.contains($0.id) }
    }

    /// Alerts that belong to no incident (tenant-wide findings, informational ones).
    public var unattachedAlerts: [Alert] {
        let attached = Set(incidents.flatMap(\.alertIDs))
        return alerts.filter { !attached.contains($0.id) }
    }

    /// Whether `incident` is serious enough to contain now (medium or worse); below that,
    /// the report says what to check instead.
    public static func warrantsContainment(_ incident: Incident) -> Bool {
        incident.severity >= .medium
    }

    /// The most severe finding, if any: what `--fail-on` compares with.
    public var highestSeverity: Severity? {
        (incidents.map(\.severity) + alerts.map(\.severity)).max()
    }
}
