import BreakwaterModel

/// Inbox rules that hide, delete or divert mail: the attacker's first move after getting in.
struct InboxRuleHideMail: Detector {
    let descriptor = DetectorDescriptor(
        id: "Exchange.InboxRule.HideMail", title: "Inbox rule hides or diverts mail", category: .inboxRuleSuspicious, severity: .medium,
        stage: .persistence, attack: [.emailHidingRules, .emailForwardingRule],
        explanation: """
            Once inside a mailbox, attackers create a rule so that the owner never sees replies to their fraud or warnings \
            from colleagues: it moves matching mail to a folder nobody opens (RSS Feeds, RSS Subscriptions, Conversation \
            History, Archive, Junk Email, Deleted Items, in any language), deletes it or marks it read, often with a name \
            of a single character and conditions on words like "invoice", "payroll" or "hacked". Each trait adds to a \
            score; the rule is reported when the score says it hides mail, more severely when it comes from an address or \
            session already suspected.
            """,
        falsePositives: """
            People file newsletters or notifications with rules, sometimes into Archive. A rule with an ordinary name that \
            moves mail from a named sender to the user's own folder scores too low to be reported; a rule moving to a folder \
            the user's earlier rules already use counts less.
            """,
        runbook: """
            Confirm with the mailbox owner; if they did not create it, remove the rule (Remove-InboxRule or Graph \
            messageRules), revoke sessions and reset the password, then search the hidden folder for what the attacker hid.
            """,
        thresholds: [reportScore, highScore])

    let kinds: Set<ActionKind> = [.inboxRuleCreated, .inboxRuleModified]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let rule = InboxRuleDefinition(event)
        var score = 0
        var reasons: [String] = []
        if let folder = rule.moveToFolder ?? rule.copyToFolder, let kind = HidingFolders.kind(of: folder) {
            let usual = context.identity.ruleFolders.contains(folder.identityLowercased)
            let weight = (kind == .archive ? 2 : 3) - (usual ? 1 : 0)
            score += weight
            reasons.append("moves mail to \(kind.rawValue) (\"\(folder)\")")
        }
        if rule.deletes {
            score += 3
            reasons.append("deletes mail")
        }
        if rule.marksAsRead {
            score += 1
            reasons.append("marks mail as read")
        }
        if rule.stopsProcessing {
            score += 1
            reasons.append("stops processing other rules")
        }
        let external = rule.forwardsTo.filter { !context.configuration.isInternal($0) }
        if !external.isEmpty {
            score += 4
            reasons.append("forwards to \(external.joined(separator: ", "))")
        } else if !rule.forwardsTo.isEmpty {
            score += 1
            reasons.append("forwards mail")
        }
        let lures = LureKeywords.found(in: rule.conditions.joined(separator: " "))
        if !lures.isEmpty {
            score += 2
            reasons.append("matches \(lures.prefix(4).map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        if let oddity = RuleNames.oddity(of: rule.name) {
            score += 2
            reasons.append(oddity)
        }
        guard Double(score) >= context.value(of: Self.reportScore) else { return }

        var severity: Severity = Double(score) >= context.value(of: Self.highScore) ? .high : .medium
        let suspected = context.isSuspected(event)
        if suspected {
            severity = severity.raised
            reasons.append("created from an address or session already suspected")
        }
        let name = rule.name ?? ""
        var details = ["rule": name, "score": String(score), "mailbox": rule.mailbox ?? context.user]
        if let folder = rule.moveToFolder { details["folder"] = folder }
        if !external.isEmpty { details["destination"] = external.joined(separator: ", ") }
        context.raise(
            Finding(
                key: "\(rule.mailbox ?? context.user)|\(name)|\(event.id)",
                summary: "Inbox rule \"\(name)\" on \(rule.mailbox ?? context.user) \(reasons.joined(separator: "; "))",
                evidence: [event.id], severity: severity, details: details))
    }

    static let reportScore = Threshold(
        "report_score", default: 3,
        "score at which a rule is reported (hiding folder 3, Archive 2, delete 3, mark read 1, stop processing 1, lure words 2, odd name 2, external forward 4, internal forward 1)")
    static let highScore = Threshold("high_score", default: 6, "score at which the rule is high severity")

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("a rule named \".\" moving invoices to RSS Feeds, marked read", .raises(.high)) { timeline in
                timeline.at(day: 1, "09:14")
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .hostingNL,
                    parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice;payroll;bank", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True", "StopProcessingRules": "True"])
            },
            DetectorExample("a rule deleting mail that mentions being hacked", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .homeGB,
                    parameters: ["Name": "..", "SubjectOrBodyContainsWords": "hacked;phishing", "DeleteMessage": "True"])
            },
            DetectorExample("a German Outlook's RSS folder is still RSS Feeds", .raises(.medium)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .homeGB,
                    parameters: ["Name": "Ordner", "From": "ceo@contoso.com", "MoveToFolder": "megan.bowen@contoso.com:\\RSS-Feeds"])
            },
            DetectorExample("a rule made in Outlook (UpdateInboxRules) forwarding outside", .raises(.high)) { timeline in
                timeline.mailboxAction(
                    "UpdateInboxRules", by: megan, from: .homeGB,
                    fields: [
                        (
                            "OperationProperties",
                            [
                                ["Name": "RuleName", "Value": "Sync"], ["Name": "RuleOperation", "Value": "AddMailboxRule"],
                                ["Name": "RuleCondition", "Value": "SubjectContainsWords: invoice"],
                                ["Name": "RuleActions", "Value": "ForwardToRecipientsAction: collector@evil.example"],
                            ]
                        )
                    ])
            },
            DetectorExample("a newsletter filed into the user's own folder", .silent) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .homeGB,
                    parameters: ["Name": "Newsletters", "From": "news@retailer.example", "MoveToFolder": "Newsletters", "MarkAsRead": "True"])
            },
            DetectorExample("notifications archived by sender", .silent) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .homeGB,
                    parameters: ["Name": "Jira notifications", "From": "jira@contoso.com", "MoveToFolder": "Archive"])
            },
        ]
    }
}
