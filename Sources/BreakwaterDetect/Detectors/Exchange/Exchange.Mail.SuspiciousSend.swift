import BreakwaterModel

/// A payment lure sent from a session already suspected: the fraud itself, written from the
/// victim's own mailbox.
struct MailSuspiciousSend: Detector {
    let descriptor = DetectorDescriptor(
        id: "Exchange.Mail.SuspiciousSend", title: "Payment lure sent from a suspected session", category: .suspiciousSend,
        severity: .high, stage: .impact, attack: [.internalSpearphishing, .financialTheft],
        explanation: """
            The point of a business email compromise is a message from a trusted mailbox asking for money to move: new bank \
            details for a supplier, a payroll direct-deposit update, an overdue invoice, a wire, gift cards, W-2 forms. \
            Such subjects are sent all day by finance teams, so a subject alone means nothing; what matters is who sends \
            it. A send (Send, SendAs, SendOnBehalf) whose subject reads like a payment request (in English and the main \
            European languages) is reported when it comes from an address or session already tied to a compromise: high, \
            and critical when it announces changed bank or deposit details — the message that diverts the payment, \
            usually acted on within hours, while a bank recall is still possible. Ordinary subjects from a suspected \
            session, and payment subjects from the owner's own sessions, are not reported.
            """,
        falsePositives: """
            The owner may be working from the same address the attacker used (a shared hotel or office network was \
            suspected): check the session and the client. Finance staff legitimately send bank-detail changes; they are \
            reported only under suspicion.
            """,
        runbook: """
            Find the message (message trace by InternetMessageId) and its recipients; warn them by phone, not by mail, and \
            ask them not to act on it. If a payment was made, call the bank at once for a recall. Revoke the sender's \
            sessions, reset the password, and look for the inbox rule hiding the replies.
            """)

    let kinds: Set<ActionKind> = [.mailSent]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        // Suspicion first: it is cheap, and reading the subject parses the record.
        guard event.outcome != .failed, context.isSuspected(event), let subject = Self.subject(of: event),
            let lure = PaymentLures.match(subject)
        else { return }
        let severity: Severity = lure.kind == .bankDetailsChange ? .critical : .high
        var details = ["subject": subject, "lure": lure.kind.rawValue, "words": lure.words.joined(separator: ", ")]
        if let messageID = event.record.field("Item")?["InternetMessageId"]?.scalarText { details["messageId"] = messageID }
        context.raise(
            Finding(
                key: subject.identityLowercased,
                summary: "\(event.operation) of \"\(subject)\" (\(lure.kind.rawValue)) from an address or session already suspected",
                evidence: [event.id], severity: severity, details: details))
    }

    /// `Item.Subject`, or a top-level `Subject`; `nil` when empty.
    static func subject(of event: Event) -> String? {
        let subject = event.record.field("Item")?["Subject"]?.scalarText ?? event.record.fieldText("Subject")
        guard let subject, !subject.trimmingASCIIWhitespace.isEmpty else { return nil }
        return subject.trimmingASCIIWhitespace
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        /// The attacker's first move: a rule that hides the replies, from a VPS.
        func hidingRule(_ timeline: inout ExampleTimeline) {
            timeline.at(day: 4, "09:14")
            timeline.cmdlet(
                "New-InboxRule", by: megan, from: .hostingNL,
                parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice;payment;bank", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True"])
            timeline.advance(minutes: 6)
        }
        return [
            DetectorExample("new bank details sent after a hiding rule", .raises(.critical)) { timeline in
                hidingRule(&timeline)
                timeline.send(megan, from: .hostingNL, subject: "Updated bank details for payroll", to: "payroll@contoso.com")
            },
            DetectorExample("an overdue invoice sent after a hiding rule", .raises(.high)) { timeline in
                hidingRule(&timeline)
                timeline.send(megan, from: .hostingNL, subject: "RE: Invoice INV-20931 overdue - please settle today", to: "ap@fabrikam.example")
            },
            DetectorExample("a German bank-detail change after a hiding rule", .raises(.critical)) { timeline in
                hidingRule(&timeline)
                timeline.send(megan, from: .hostingNL, subject: "Neue Bankverbindung ab sofort", to: "buchhaltung@fabrikam.example")
            },
            DetectorExample("gift cards requested from the hiding rule's address", .raises(.high)) { timeline in
                hidingRule(&timeline)
                timeline.send(megan, from: .hostingNL, subject: "Quick favour - gift cards for the team", to: "adele.vance@contoso.com")
            },
            DetectorExample("the same invoice sent by the owner from home", .silent) { timeline in
                timeline.send(megan, from: .homeGB, subject: "RE: Invoice INV-20931 overdue - please settle today", to: "ap@fabrikam.example")
                timeline.send(megan, from: .homeGB, subject: "Updated bank details for payroll", to: "payroll@contoso.com")
            },
            DetectorExample("the owner sending from home after the attacker's rule elsewhere", .silent) { timeline in
                hidingRule(&timeline)
                timeline.send(megan, from: .homeGB, subject: "Invoice for October", to: "ap@fabrikam.example")
            },
            DetectorExample("an ordinary subject from a suspected session", .silent) { timeline in
                hidingRule(&timeline)
                timeline.send(megan, from: .hostingNL, subject: "Lunch on Friday?", to: "adele.vance@contoso.com")
                timeline.send(megan, from: .hostingNL, subject: "Newsletter renewal", to: "adele.vance@contoso.com")
            },
        ]
    }
}
