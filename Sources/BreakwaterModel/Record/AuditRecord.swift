/// One record exactly as Microsoft 365 wrote it, with its common fields typed.
///
/// The original JSON is kept byte for byte in ``raw``: the archive stores it and an
/// investigator sees exactly what Microsoft recorded. The typed fields are the common schema
/// of the Management Activity API (contract §3.1); a Graph sign-in is mapped onto the same
/// fields as the audit feed's `UserLoggedIn`/`UserLoginFailed` records. Everything else in
/// the record is read through ``Event`` or on demand.
public struct AuditRecord: Sendable {
    /// The record's JSON text as it was read.
    public let raw: [UInt8]
    /// The log the record came from, which decides how ``raw`` is read.
    public let source: RecordSource
    /// `Id`: unique per record within its tenant.
    public let id: RecordID
    /// `RecordType` (number); `UserLoggedIn`-style sign-ins from Graph are
    /// ``RecordType/azureActiveDirectoryStsLogon``.
    public let recordType: RecordType
    /// `CreationTime`, in UTC.
    public let creationTime: Timestamp
    /// `Operation`: the activity or cmdlet name (empty when the record has none).
    public let operation: String
    /// `OrganizationId`: the tenant the record belongs to, when it says.
    public let organizationID: TenantID?
    /// `UserType`.
    public let userType: UserType?
    /// `UserId`: the actor as recorded (usually a UPN; sometimes a system principal).
    public let userID: String?
    /// `Workload`: `Exchange`, `SharePoint`, `AzureActiveDirectory`, `MicrosoftTeams`, …
    public let workload: String?
    /// `ResultStatus` as recorded (`Succeeded`, `True`, `failed`, …).
    public let resultStatus: String?
    /// `ClientIP` as recorded, before normalization (may hold a port, brackets or `null`).
    public let clientIP: String?

    /// Where the less common fields lie inside ``raw``.
    let spans: Spans

    /// `UserKey`: an alternative id for the actor (PUID or object id).
    public var userKey: String? { spans.text(spans.userKey, in: raw) }
    /// `ObjectId`: what the action was performed on (a file URL, a mailbox, a user).
    public var objectID: String? { spans.text(spans.objectID, in: raw) }
}

extension AuditRecord {
    /// Offsets into ``AuditRecord/raw`` of values read only when asked for.
    struct Spans: Sendable {
        var userKey: ValueSpan?
        var objectID: ValueSpan?
        var clientIPAddress: ValueSpan?
        var actorIPAddress: ValueSpan?
        var userAgent: ValueSpan?
        var clientInfoString: ValueSpan?
        var sessionID: ValueSpan?
        var appAccessContext: ValueSpan?
        var deviceProperties: ValueSpan?
        var extendedProperties: ValueSpan?
        var parameters: ValueSpan?
        var modifiedProperties: ValueSpan?
        var operationProperties: ValueSpan?
        var errorNumber: ValueSpan?
        var errorCode: ValueSpan?
        var logonError: ValueSpan?
        var mailboxOwnerUPN: ValueSpan?
        /// `UniqueTokenIdentifier` (OWAAuth records) or Graph `uniqueTokenIdentifier`.
        var uniqueTokenID: ValueSpan?
        // Graph sign-ins only.
        var location: ValueSpan?
        var authenticationDetails: ValueSpan?
        var authenticationRequirement: ValueSpan?
        var failureReason: ValueSpan?
        var clientAppUsed: ValueSpan?
        var homeTenantID: TenantID?

        /// A scalar value at `span` as text (strings unescaped; numbers and booleans as written).
        func text(_ span: ValueSpan?, in raw: [UInt8]) -> String? {
            guard let span else { return nil }
            return raw.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer, startingAt: Int(span.start))
                return try? scanner.readScalarText()
            }
        }

        /// A structured value at `span` as a tree.
        func value(_ span: ValueSpan?, in raw: [UInt8]) -> JSONValue? {
            guard let span else { return nil }
            return raw.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer, startingAt: Int(span.start))
                return try? scanner.readValue()
            }
        }
    }

    /// Where one JSON value starts inside a record's raw text (records are capped well below
    /// 2 GiB, so 32 bits suffice and keep ``Spans`` small).
    struct ValueSpan: Sendable {
        var start: Int32
    }
}

extension AuditRecord {
    /// Whether the record may belong to `tenant`: it names no tenant, or one of the tenants
    /// it names (its organization; for a Graph sign-in also the user's home tenant) is
    /// `tenant`.
    public func mayBelong(to tenant: TenantID) -> Bool {
        guard let organizationID else { return true }
        return organizationID == tenant || spans.homeTenantID == tenant
    }

}
