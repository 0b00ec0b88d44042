/// One audited action, normalized: the view every detector, search and report reads.
///
/// Built from an ``AuditRecord`` and the tenant it belongs to. The fields every consumer
/// needs (actor, source address, kind, outcome) are worked out once here; the rest are read
/// from the record when asked for, so building events for millions of records stays cheap.
public struct Event: Sendable {
    /// The record as Microsoft wrote it.
    public let record: AuditRecord
    /// The tenant the event belongs to.
    public let tenant: TenantID
    /// Who acted: `UserId` (Graph: `userPrincipalName`) lowercased; `nil` when not recorded.
    public let actor: String?
    /// Where the action came from: the first readable address of `ClientIP`,
    /// `ClientIPAddress` (mailbox records) and `ActorIpAddress` (Entra), or Graph `ipAddress`.
    public let sourceIP: IPAddress?
    /// What the action did.
    public let kind: ActionKind
    /// Whether it succeeded. For sign-ins this is the sign-in's real outcome (from its AADSTS
    /// code), not the HTTP status that `ResultStatus` reports for them.
    public let outcome: Outcome
    /// The AADSTS code of a sign-in (`ErrorNumber`, `ErrorCode`, Graph `status.errorCode`);
    /// 0 for success, `nil` when not recorded.
    public let signInErrorCode: Int?
    /// What is known about ``sourceIP``; set by enrichment.
    public var network: NetworkFacts?
    /// What the user agent reveals; set by enrichment.
    public var client: ClientFacts?

    /// Normalizes `record` as an event of `tenant`.
    public init(record: AuditRecord, tenant: TenantID) {
        self.record = record
        self.tenant = tenant
        let spans = record.spans
        if let userID = record.userID, !userID.isEmpty {
            actor = userID.identityLowercased
        } else {
            actor = nil
        }
        sourceIP =
            record.clientIP.flatMap(IPAddress.init(auditText:))
            ?? spans.text(spans.clientIPAddress, in: record.raw).flatMap(IPAddress.init(auditText:))
            ?? spans.text(spans.actorIPAddress, in: record.raw).flatMap(IPAddress.init(auditText:))
        let errorText = spans.text(spans.errorNumber, in: record.raw) ?? spans.text(spans.errorCode, in: record.raw)
        signInErrorCode = errorText.flatMap { Int($0.trimmingASCIIWhitespace) }
        kind = ActionKind.classify(record, signInErrorCode: signInErrorCode)
        switch kind {
        case .signInSucceeded: outcome = .succeeded
        case .signInFailed, .mfaChallenged, .mfaFailed: outcome = .failed
        default: outcome = Outcome(resultStatus: record.resultStatus)
        }
    }

    /// `Id`.
    public var id: RecordID { record.id }
    /// When the action happened (`CreationTime`).
    public var time: Timestamp { record.creationTime }
    /// `Operation` as recorded.
    public var operation: String { record.operation }
    /// `Workload` as recorded.
    public var workload: String? { record.workload }
    /// `RecordType`.
    public var recordType: RecordType { record.recordType }

    /// The client's user agent: `UserAgent` (SharePoint, Graph), `ExtendedProperties.UserAgent`
    /// (sign-ins) or `ClientInfoString` (mailbox records, e.g. `Client=OWA;Mozilla/5.0 …`).
    public var userAgent: String? {
        let spans = record.spans
        if let agent = spans.text(spans.userAgent, in: record.raw), !agent.isEmpty { return agent }
        if let agent = extendedProperties["UserAgent"], !agent.isEmpty { return agent }
        if let agent = spans.text(spans.clientInfoString, in: record.raw), !agent.isEmpty { return agent }
        return nil
    }

    /// The session and token ids the record carries.
    public var sessions: SessionIdentifiers {
        let spans = record.spans
        let raw = record.raw
        if record.source == .graphSignIn {
            return SessionIdentifiers(
                entraSessionID: nonEmpty(spans.text(spans.sessionID, in: raw)),
                uniqueTokenID: nonEmpty(spans.text(spans.uniqueTokenID, in: raw)))
        }
        let context = spans.value(spans.appAccessContext, in: raw)
        return SessionIdentifiers(
            entraSessionID: nonEmpty(context?["AADSessionId"]?.scalarText) ?? nonEmpty(deviceProperties["SessionId"]),
            mailboxSessionID: nonEmpty(spans.text(spans.sessionID, in: raw)),
            uniqueTokenID: nonEmpty(context?["UniqueTokenId"]?.scalarText) ?? nonEmpty(spans.text(spans.uniqueTokenID, in: raw)))
    }

    /// Why a sign-in failed, as recorded: `LogonError` (audit feed) or Graph
    /// `status.failureReason`.
    public var signInFailureReason: String? {
        let spans = record.spans
        return nonEmpty(spans.text(spans.logonError, in: record.raw) ?? spans.text(spans.failureReason, in: record.raw))
    }

    /// The owner of the mailbox acted on (`MailboxOwnerUPN`, lowercased): differs from
    /// ``actor`` when a delegate or an administrator reads someone else's mail.
    public var mailboxOwner: String? {
        nonEmpty(record.spans.text(record.spans.mailboxOwnerUPN, in: record.raw))?.identityLowercased
    }

    /// `Parameters` (Exchange admin cmdlets).
    public var parameters: PropertyBag { bag(record.spans.parameters) }
    /// `ExtendedProperties` (Entra).
    public var extendedProperties: PropertyBag { bag(record.spans.extendedProperties) }
    /// `ModifiedProperties`: name → new value, with the old value on each entry.
    public var modifiedProperties: PropertyBag { bag(record.spans.modifiedProperties) }
    /// `OperationProperties` (mailbox records, `UpdateInboxRules`).
    public var operationProperties: PropertyBag { bag(record.spans.operationProperties) }
    /// `DeviceProperties` (sign-ins).
    public var deviceProperties: PropertyBag { bag(record.spans.deviceProperties) }

    /// Where Microsoft placed the sign-in (Graph sign-ins only).
    public var reportedLocation: ReportedLocation? {
        record.spans.value(record.spans.location, in: record.raw).flatMap(ReportedLocation.init(graph:))
    }

    /// Graph `clientAppUsed`: `Browser`, `Mobile Apps and Desktop clients`, or a legacy
    /// protocol (`IMAP4`, `POP3`, `Authenticated SMTP`, `Exchange ActiveSync`, `Other clients` …).
    public var clientApp: String? {
        nonEmpty(record.spans.text(record.spans.clientAppUsed, in: record.raw))
    }

    /// The legacy protocol Graph says a sign-in used (`IMAP4`, `Authenticated SMTP`,
    /// `Exchange ActiveSync`, `Other clients` …); `nil` for modern clients and for records that
    /// do not say.
    public var legacyClientApp: String? {
        guard let app = clientApp, !["Browser", "Mobile Apps and Desktop clients"].contains(app) else { return nil }
        return app
    }

    /// Graph `authenticationRequirement` (beta): `singleFactorAuthentication` or
    /// `multiFactorAuthentication`.
    public var authenticationRequirement: String? {
        nonEmpty(record.spans.text(record.spans.authenticationRequirement, in: record.raw))
    }

    /// Whether MFA was "satisfied by claim in the token" (Graph beta `authenticationDetails`):
    /// no prompt because the presented token already carried MFA — the mark of a replayed
    /// token when it comes from somewhere new.
    public var mfaSatisfiedByTokenClaim: Bool {
        guard let details = record.spans.value(record.spans.authenticationDetails, in: record.raw)?.arrayValue else {
            return false
        }
        return details.contains { detail in
            detail["authenticationStepResultDetail"]?.stringValue?.identityLowercased.contains("satisfied by claim in the token")
                ?? false
        }
    }

    private func bag(_ span: AuditRecord.ValueSpan?) -> PropertyBag {
        PropertyBag.reading(record.raw, at: span)
    }
}

private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
}
