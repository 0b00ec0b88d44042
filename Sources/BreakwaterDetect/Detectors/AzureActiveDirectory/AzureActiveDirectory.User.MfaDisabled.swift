import BreakwaterModel

/// MFA switched off for a user, or every method removed: the account is back to a password.
struct MfaDisabled: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.User.MfaDisabled", title: "MFA disabled or all methods removed", category: .mfaDisabled,
        severity: .high, stage: .persistence, attack: [.modifyAuthenticationProcess],
        explanation: """
            With MFA off, a stolen password is enough again; with every method removed, the next sign-in is asked to \
            register one and the attacker's phone becomes the second factor. Reported: "Disable Strong Authentication.", \
            an "Update user." whose StrongAuthenticationRequirement goes from Enabled or Enforced to nothing (per-user MFA \
            off), and an "Update user." or "Admin/User deleted security info" whose StrongAuthenticationMethod list \
            becomes empty (every method removed — an administrator's "require re-register MFA" does the same). High; \
            critical from an address or session already suspected. Deleting one method among several, and enabling MFA, \
            are not reported.
            """,
        falsePositives: """
            Administrators moving from per-user MFA to Conditional Access switch per-user MFA off for everyone (suppress \
            the administrator for the day of the migration); the helpdesk clears the methods of a user who lost their \
            phone. Both should be on a ticket.
            """,
        runbook: """
            Confirm with whoever made the change and with the user. If it is not sanctioned: restore the requirement or \
            have the user re-register in person, revoke the user's sessions and reset the password, check the methods \
            registered since, and treat the acting account as compromised if it did not mean to.
            """)

    let kinds: Set<ActionKind> = [.mfaMethodChanged, .userChanged]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let change = DirectoryChange(event)
        let reason: String
        switch change.operation {
        case "disable strong authentication":
            reason = "per-user MFA disabled"
        case "update user":
            if StrongAuthentication.requirementRemoved(in: change) {
                reason = "per-user MFA requirement removed (\(Self.state(change.oldValue(StrongAuthentication.requirement))) → none)"
            } else if StrongAuthentication.methodChange(in: change) == .removedAll {
                reason = "every MFA method removed"
            } else {
                return
            }
        case "admin deleted security info", "user deleted security info":
            guard StrongAuthentication.methodChange(in: change) == .removedAll else { return }
            reason = "the last MFA method deleted"
        default:
            return
        }
        let suspected = context.isSuspected(event)
        let target = change.targetUser ?? context.user
        let suspicion = suspected ? ", from an address or session already suspected" : ""
        context.raise(
            Finding(
                key: "\(target)|\(change.operation)|\(reason)",
                summary: "\(context.user): \(reason) for \(target)\(suspicion)",
                evidence: [event.id], severity: suspected ? .critical : .high,
                details: ["target": target, "change": reason, "operation": event.operation]))
    }

    /// `Enabled` or `Enforced` from a requirement value (`[{"RelyingParty":"*","State":1}]`),
    /// as far as it says.
    private static func state(_ value: String?) -> String {
        let lowered = (value ?? "").identityLowercased
        if lowered.contains("enforced") { return "Enforced" }
        if lowered.contains("enabled") { return "Enabled" }
        return "required"
    }

    var examples: [DetectorExample] {
        let admin = "admin@contoso.com"
        let megan = "megan.bowen@contoso.com"
        let enforced =
            "[\r\n  {\r\n    \"RelyingParty\": \"*\",\r\n    \"State\": \"Enforced\",\r\n    \"RememberDevicesNotIssuedBefore\": \"2026-03-02T10:11:00Z\"\r\n  }\r\n]"
        return [
            DetectorExample("per-user MFA disabled by an administrator", .raises(.high)) { timeline in
                timeline.directoryChange("Disable Strong Authentication.", by: admin, from: nil, target: megan)
            },
            DetectorExample("the per-user requirement cleared on the user", .raises(.high)) { timeline in
                timeline.directoryChange(
                    "Update user.", by: admin, from: nil, target: megan,
                    modified: [
                        (StrongAuthentication.requirement, "[]", enforced), ("Included Updated Properties", StrongAuthentication.requirement, ""),
                    ])
            },
            DetectorExample("every method cleared (require re-register)", .raises(.high)) { timeline in
                timeline.directoryChange(
                    "Update user.", by: admin, from: nil, target: megan,
                    modified: [("StrongAuthenticationMethod", "[]", "[{\"MethodType\":6,\"Default\":true},{\"MethodType\":7,\"Default\":false}]")])
            },
            DetectorExample("the user deleting their last method", .raises(.high)) { timeline in
                timeline.directoryChange(
                    "User deleted security info", by: megan, from: .homeGB, target: megan,
                    modified: [("StrongAuthenticationMethod", "[]", "[\r\n  {\r\n    \"MethodType\": 6,\r\n    \"Default\": true\r\n  }\r\n]")])
            },
            DetectorExample("MFA disabled from the address of a hiding rule", .raises(.critical)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: admin, from: .hostingNL,
                    parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True"])
                timeline.advance(minutes: 2)
                timeline.directoryChange("Disable Strong Authentication.", by: admin, from: .hostingNL, target: megan)
            },
            DetectorExample("MFA enabled, one method of two deleted, an unrelated update", .silent) { timeline in
                timeline.directoryChange(
                    "Update user.", by: admin, from: nil, target: megan, modified: [(StrongAuthentication.requirement, enforced, "[]")])
                timeline.directoryChange(
                    "Admin deleted security info", by: admin, from: nil, target: megan,
                    modified: [
                        (
                            "StrongAuthenticationMethod", "[{\"MethodType\":7,\"Default\":true}]",
                            "[{\"MethodType\":6,\"Default\":true},{\"MethodType\":7}]"
                        )
                    ])
                timeline.directoryChange("User deleted security info", by: megan, from: .homeGB, target: megan)
                timeline.directoryChange(
                    "Update user.", by: admin, from: nil, target: megan,
                    modified: [("Department", "[\r\n  \"Finance\"\r\n]", "[\r\n  \"Sales\"\r\n]")])
            },
        ]
    }
}
