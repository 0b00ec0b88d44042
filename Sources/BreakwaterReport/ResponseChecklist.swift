import Foundation
public import BreakwaterModel

/// The four things a responder must do for a compromised identity, filled in with what the
/// investigation found: sign the user out everywhere, reset the password, remove the
/// attacker's rules and forwarding, audit what the attacker touched.
public struct ResponseChecklist: Sendable {
    /// One step: what to do, and the specifics.
    public struct Step: Sendable {
        public var title: String
        public var items: [String]
    }

    public var steps: [Step]

    /// What to check before acting on a low-severity incident: each detector's runbook.
    public static func checks(for alerts: [Alert], runbooks: [DetectorID: String]) -> [String] {
        var seen = Set<DetectorID>()
        return alerts.compactMap { alert in
            guard seen.insert(alert.detector).inserted, let runbook = runbooks[alert.detector] else { return nil }
            return "\(alert.category): \(runbook)"
        }
    }

    /// The checklist for `incident`, whose alerts are `alerts`.
    public init(incident: Incident, alerts: [Alert]) {
        let user = incident.user
        let footprint = incident.footprint ?? Footprint()
        var signOut = [
            "Revoke every session and refresh token: Graph POST /users/\(user)/revokeSignInSessions (PowerShell: Revoke-MgUserSignInSession -UserId '\(Self.quoted(user))')"
        ]
        if !incident.sessions.isEmpty {
            signOut.append("Sessions and tokens the attacker used: \(incident.sessions.joined(separator: ", "))")
        }
        if !incident.attackerIPs.isEmpty {
            signOut.append("Block the attacker's addresses in Conditional Access: \(incident.attackerIPs.map(String.init(describing:)).joined(separator: ", "))")
        }

        var reset = ["Reset the password with a change required at next sign-in, and block sign-in until the user has been reached"]
        let methodAlerts = alerts.filter { $0.category == .mfaMethodChange || $0.category == .mfaDisabled }
        for alert in methodAlerts {
            reset.append("Review the authentication methods changed during the incident: \(alert.summary)")
        }
        if alerts.contains(where: { $0.category == .oauthConsent }) {
            reset.append("Revoke the OAuth consent granted during the incident (tokens granted to an application survive a password reset)")
        }

        var remove: [String] = []
        for rule in footprint.inboxRules {
            let mailbox = rule.mailbox ?? user
            var text = "Inbox rule \"\(rule.name)\" on \(mailbox), made \(rule.time.iso8601)"
            if !rule.conditions.isEmpty { text += "; conditions: \(rule.conditions.joined(separator: "; "))" }
            if !rule.actions.isEmpty { text += "; actions: \(rule.actions.joined(separator: "; "))" }
            text += ". Remove: Remove-InboxRule -Mailbox '\(Self.quoted(mailbox))' -Identity '\(Self.quoted(rule.name))'"
            remove.append(text)
        }
        for destination in footprint.forwarding {
            remove.append(
                "Mailbox forwarding to \(destination). Remove: Set-Mailbox -Identity '\(Self.quoted(user))' -ForwardingSmtpAddress $null -ForwardingAddress $null -DeliverToMailboxAndForward $false"
            )
        }
        // Findings the footprint does not already list (a rule made from the owner's own
        // address, transport rules, mailbox permissions) are named too.
        let listed = Set(footprint.records)
        for alert in alerts where [.inboxRuleSuspicious, .mailboxForwardingExternal, .transportRuleRedirect, .mailboxPermissionGrant].contains(alert.category) {
            let known = [.inboxRuleSuspicious, .mailboxForwardingExternal].contains(alert.category) && alert.evidence.allSatisfy(listed.contains)
            if !known { remove.append("Also reported: \(alert.summary)") }
        }
        if remove.isEmpty {
            remove.append("No rule or forwarding was found in the records; list the mailbox's rules (Get-InboxRule) to be sure")
        }

        var audit: [String] = []
        if footprint.mailItemsAccessed > 0 { audit.append("\(footprint.mailItemsAccessed) mail item\(footprint.mailItemsAccessed == 1 ? "" : "s") read") }
        if !footprint.mailSent.isEmpty { audit.append("Sent: \(footprint.mailSent.map { "\"\($0)\"" }.joined(separator: ", "))") }
        if footprint.mailDeleted > 0 { audit.append("\(footprint.mailDeleted) message\(footprint.mailDeleted == 1 ? "" : "s") deleted") }
        audit += Self.listing("Downloaded", footprint.filesDownloaded)
        audit += Self.listing("Opened", footprint.filesAccessed)
        audit += Self.listing("Uploaded", footprint.filesUploaded)
        audit += Self.listing("Deleted", footprint.filesDeleted)
        audit += Self.listing("Shared", footprint.filesShared)
        if !footprint.teamsJoined.isEmpty { audit.append("Joined Teams: \(footprint.teamsJoined.joined(separator: ", "))") }
        if !footprint.consents.isEmpty { audit.append("Consented to: \(footprint.consents.joined(separator: ", "))") }
        if audit.isEmpty {
            audit.append("No activity from the attacker's addresses or sessions was found after the sign-in")
        } else {
            audit.append("\(footprint.records.count) records in all from the attacker's addresses and sessions")
        }

        steps = [
            Step(title: "Sign \(user) out of every session", items: signOut),
            Step(title: "Reset \(user)'s password", items: reset),
            Step(title: "Remove the attacker's inbox rules and forwarding", items: remove),
            Step(title: "Audit what the attacker touched", items: audit),
        ]
    }

    /// `text` inside PowerShell single quotes. PowerShell takes the typographic quotes
    /// ‘ ’ ‚ ‛ for `'` too, so each of them is doubled as well: a rule name cannot end the
    /// string and append a command of its own.
    static func quoted(_ text: String) -> String {
        var quoted = ""
        for character in text {
            quoted.append(character)
            if ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"].contains(character) { quoted.append(character) }
        }
        return quoted
    }

    /// "Downloaded 40 files: a, b, … and 30 more".
    private static func listing(_ verb: String, _ names: [String], shown: Int = 10) -> [String] {
        guard !names.isEmpty else { return [] }
        let more = names.count > shown ? " … and \(names.count - shown) more" : ""
        return ["\(verb) \(names.count) file\(names.count == 1 ? "" : "s"): \(names.prefix(shown).joined(separator: ", "))\(more)"]
    }
}
