/// A whole simulated month in memory: both logs in time order, and what really happened.
///
/// About 97,000 records (170 MB of JSON) at scale 1. For larger scales use
/// ``Scenario/forEachRecord(_:)`` or ``ScenarioWriter``, which stream a day at a time.
public struct ScenarioDataset: Sendable {
    /// Unified audit log records (`AuditData` JSON), one per element, in time order.
    public var auditRecords: [[UInt8]]
    /// Graph beta `signIn` objects, one per element, in time order.
    public var signIns: [[UInt8]]
    public var truth: ScenarioTruth

    public init(auditRecords: [[UInt8]], signIns: [[UInt8]], truth: ScenarioTruth) {
        self.auditRecords = auditRecords
        self.signIns = signIns
        self.truth = truth
    }
}
