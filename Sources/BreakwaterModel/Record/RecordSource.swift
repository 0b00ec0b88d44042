/// Which Microsoft log a record was read from; it decides how its raw JSON is read.
public enum RecordSource: Int, Hashable, Sendable, CustomStringConvertible {
    /// The unified audit log: Management Activity API blobs, Purview exports and
    /// `Search-UnifiedAuditLog` output (all hold the same `AuditData` record).
    case unifiedAuditLog = 0
    /// Microsoft Graph `/auditLogs/signIns` (v1.0 or beta).
    case graphSignIn = 1

    public var description: String {
        switch self {
        case .unifiedAuditLog: "unified-audit-log"
        case .graphSignIn: "graph-sign-in"
        }
    }
}
