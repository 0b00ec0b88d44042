public import BreakwaterModel

/// One generated record: a unified audit log record or a Graph sign-in.
public struct ScenarioRecord: Sendable {
    /// Which log the record belongs to.
    public enum Feed: Sendable, Hashable {
        /// The unified audit log: `AuditData` JSON as the Management Activity API serves it.
        case auditLog
        /// Microsoft Graph beta `/auditLogs/signIns`: one `signIn` object.
        case signIns
    }

    public var feed: Feed
    /// When the action happened (`CreationTime`, `createdDateTime`), to the millisecond.
    public var time: Timestamp
    /// The record's JSON text, one line.
    public var json: [UInt8]
}
