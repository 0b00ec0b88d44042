import BreakwaterModel

/// Auditing switched off or bypassed: the attacker blinding the log this product reads.
struct AuditTampering: Detector {
    let descriptor = DetectorDescriptor(
        id: "Exchange.Audit.Tampering", title: "Auditing turned off or bypassed", category: .auditTampering, severity: .high,
        stage: .persistence, attack: [.disableCloudLogs],
        explanation: """
            Everything Breakwater knows comes from the audit log, and an attacker with an administrator's session can turn \
            it off: mailbox auditing for one mailbox (Set-Mailbox -AuditEnabled $false), for the whole organisation \
            (Set-OrganizationConfig -AuditDisabled $true), an audit bypass that leaves an account's actions in every \
            mailbox unlogged (Set-MailboxAuditBypassAssociation -AuditBypassEnabled $true), admin audit logging \
            (Set-AdminAuditLogConfig -AdminAuditLogEnabled $false), or the unified audit log itself \
            (Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false). Each is high; stopping the unified audit \
            log is critical because every later action in the tenant, in every workload, goes unrecorded. Any of them from \
            an address or session already suspected is one level higher. Turning auditing back on is not reported.
            """,
        falsePositives: """
            Audit bypass is set, on purpose, for service accounts that touch every mailbox (backup, archiving, e-discovery \
            tools) to keep the log from flooding; it is rare and should be on a change request. Nobody has a good reason \
            to stop the unified audit log.
            """,
        runbook: """
            Turn the setting back (Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true; Set-Mailbox -AuditEnabled \
            $true; Set-MailboxAuditBypassAssociation -AuditBypassEnabled $false; Set-OrganizationConfig -AuditDisabled \
            $false), then treat the account that changed it as compromised: revoke its sessions, reset its password, review \
            its role assignments, and look at what it did just before and after — the gap in the log is the attack.
            """)

    /// `Set-Mailbox` carries several settings in one call and its record gets one kind: a
    /// call that also sets forwarding or Send on Behalf is classified as that.
    let kinds: Set<ActionKind> = [.auditConfigurationChanged, .mailboxForwardingChanged, .mailboxPermissionChanged]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let operation = event.operation.identityLowercased
        let settings = Self.reductions.filter { $0.operation == operation }
        guard !settings.isEmpty else { return }
        let parameters = event.parameters
        let suspected = context.isSuspected(event)
        let identity = PropertyValue.unwrapped(parameters["Identity"] ?? event.record.objectID)

        for reduction in settings {
            guard let value = parameters[reduction.parameter], reduction.reduces(value) else { continue }
            let target = reduction.scope == .identity && !identity.isEmpty ? identity : "the organisation"
            let severity = suspected ? reduction.severity.raised : reduction.severity
            let suspicion = suspected ? " from an address or session already suspected" : ""
            context.raise(
                Finding(
                    key: "\(operation)|\(reduction.parameter)|\(target.identityLowercased)",
                    summary:
                        "\(event.operation) -\(reduction.parameter) \(PropertyValue.unwrapped(value))\(suspicion): \(reduction.meaning) (\(target))",
                    evidence: [event.id], severity: severity,
                    details: ["setting": "\(reduction.parameter) \(PropertyValue.unwrapped(value))", "target": target, "operation": event.operation]))
        }
    }

    /// A setting that reduces auditing when it takes a given value.
    struct Reduction: Sendable {
        enum Scope: Sendable { case identity, organisation }

        /// The cmdlet, lowercased.
        var operation: String
        var parameter: String
        /// Whether the value turns auditing off (rather than on).
        var reduces: @Sendable (String) -> Bool
        var severity: Severity
        var scope: Scope
        var meaning: String
    }

    static let reductions: [Reduction] = [
        Reduction(
            operation: "set-mailbox", parameter: "AuditEnabled", reduces: PropertyValue.isFalse, severity: .high, scope: .identity,
            meaning: "mailbox auditing turned off"),
        Reduction(
            operation: "set-mailbox", parameter: "AuditBypassEnabled", reduces: PropertyValue.isTrue, severity: .high, scope: .identity,
            meaning: "the account's actions in every mailbox are no longer audited"),
        Reduction(
            operation: "set-mailboxauditbypassassociation", parameter: "AuditBypassEnabled", reduces: PropertyValue.isTrue, severity: .high,
            scope: .identity, meaning: "the account's actions in every mailbox are no longer audited"),
        Reduction(
            operation: "set-organizationconfig", parameter: "AuditDisabled", reduces: PropertyValue.isTrue, severity: .high,
            scope: .organisation, meaning: "mailbox auditing turned off for every mailbox"),
        Reduction(
            operation: "set-adminauditlogconfig", parameter: "AdminAuditLogEnabled", reduces: PropertyValue.isFalse, severity: .high,
            scope: .organisation, meaning: "administrator actions are no longer audited"),
        Reduction(
            operation: "set-adminauditlogconfig", parameter: "UnifiedAuditLogIngestionEnabled", reduces: PropertyValue.isFalse,
            severity: .critical, scope: .organisation, meaning: "the unified audit log stops recording every workload"),
    ]

    var examples: [DetectorExample] {
        let admin = "admin@contoso.com"
        return [
            DetectorExample("the unified audit log switched off", .raises(.critical)) { timeline in
                timeline.cmdlet(
                    "Set-AdminAuditLogConfig", by: admin, from: .hostingUS, parameters: ["UnifiedAuditLogIngestionEnabled": "False"],
                    objectID: "Admin Audit Log Settings")
            },
            DetectorExample("mailbox auditing off for one mailbox", .raises(.high)) { timeline in
                timeline.cmdlet("Set-Mailbox", by: admin, from: .officeGB, parameters: ["Identity": "cfo@contoso.com", "AuditEnabled": "$false"])
            },
            DetectorExample("an audit bypass for an account", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "Set-MailboxAuditBypassAssociation", by: admin, from: .officeGB,
                    parameters: ["Identity": "megan.bowen", "AuditBypassEnabled": "True"])
            },
            DetectorExample("mailbox auditing off for the organisation", .raises(.high)) { timeline in
                timeline.cmdlet("Set-OrganizationConfig", by: admin, from: .officeGB, parameters: ["AuditDisabled": "1"])
            },
            DetectorExample("auditing off in the same call as forwarding", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: admin, from: .officeGB,
                    parameters: ["Identity": "cfo@contoso.com", "ForwardingSmtpAddress": "smtp:cfo.office@contoso.com", "AuditEnabled": "False"])
            },
            DetectorExample("an audit bypass from the address of a hiding rule", .raises(.critical)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: admin, from: .hostingNL,
                    parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice", "MoveToFolder": "Conversation History", "MarkAsRead": "True"])
                timeline.advance(minutes: 3)
                timeline.cmdlet(
                    "Set-MailboxAuditBypassAssociation", by: admin, from: .hostingNL, parameters: ["Identity": admin, "AuditBypassEnabled": "$true"])
            },
            DetectorExample("auditing turned back on", .silent) { timeline in
                timeline.cmdlet("Set-AdminAuditLogConfig", by: admin, from: .officeGB, parameters: ["UnifiedAuditLogIngestionEnabled": "True"])
                timeline.cmdlet("Set-Mailbox", by: admin, from: .officeGB, parameters: ["Identity": "cfo@contoso.com", "AuditEnabled": "True"])
                timeline.cmdlet(
                    "Set-MailboxAuditBypassAssociation", by: admin, from: .officeGB,
                    parameters: ["Identity": "svc-backup", "AuditBypassEnabled": "False"])
                timeline.cmdlet("Set-OrganizationConfig", by: admin, from: .officeGB, parameters: ["AuditDisabled": "False"])
            },
            DetectorExample("more mailbox actions audited", .silent) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: admin, from: .officeGB,
                    parameters: ["Identity": "cfo@contoso.com", "AuditOwner": "@{Add=\"MailItemsAccessed\",\"Send\"}"])
            },
        ]
    }
}
