public import BreakwaterModel

/// One Graph sign-in (`/auditLogs/signIns`), byte for byte as Graph sent it.
///
/// The archive keeps sign-ins exactly as received, so the client does not interpret them;
/// ``auditRecord()`` reads one the way the archive does.
public struct GraphSignIn: GraphCollectionElement, Hashable {
    /// The sign-in's JSON object, as sent.
    public let json: [UInt8]

    public init(graphJSON: [UInt8]) {
        json = graphJSON
    }

    /// The sign-in as an audit record (`AuditRecord(graphSignInJSON:)`).
    ///
    /// - Throws: `AuditRecordError` when it lacks an `id` or a `createdDateTime`.
    public func auditRecord() throws(AuditRecordError) -> AuditRecord {
        try AuditRecord(graphSignInJSON: json)
    }
}
