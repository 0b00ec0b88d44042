import BreakwaterModel

/// A directory role assigned: administrators made, by whom, and for whom.
struct RoleAssignment: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.Role.Assignment", title: "Directory role assigned", category: .roleAssignment, severity: .medium,
        stage: .persistence, attack: [.additionalCloudRoles],
        explanation: """
            An attacker holding an administrator's session makes another account they control an administrator — or \
            raises their own — so that losing one foothold does not lose the tenant. Reported on "Add member to role.", \
            "Add eligible member to role." (PIM: the role can be activated at will) and "Add scoped member to role.", with \
            the role read from Role.DisplayName (or its template id) and the member from the targets. A privileged role \
            (Global, Privileged Role, Privileged Authentication, Exchange, SharePoint, Security, User, Application, Cloud \
            Application, Authentication, Conditional Access, Helpdesk, Intune or Hybrid Identity Administrator) is medium; \
            an account assigning a role to itself, or an assignment from an address or session already suspected, is high \
            whatever the role; other roles (readers and the like) are low. The alert is about the account that made the \
            assignment. Removals are not reported.
            """,
        falsePositives: """
            Administrators assign roles to new colleagues and to themselves through PIM; the PIM service itself \
            (MS-PIM) adds the member when an eligible role is activated. Check for a ticket and whether the role is \
            eligible rather than permanent.
            """,
        runbook: """
            Confirm the assignment with the administrator who made it. If not sanctioned: remove it, revoke the sessions \
            of both accounts and reset their passwords, review what the new role holder did since (audit log by actor), \
            and check for other roles, applications and credentials added in the same session.
            """)

    let kinds: Set<ActionKind> = [.roleChanged]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let change = DirectoryChange(event)
        guard let assignment = Self.assignments[change.operation] else { return }
        let templateID = change.newValue("Role.TemplateId") ?? change.newValue("RoleDefinition.TemplateId")
        let named = [change.newValue("Role.DisplayName"), change.newValue("RoleDefinition.DisplayName")].compactMap(\.self).first { !$0.isEmpty }
        let role = named ?? templateID.flatMap(PrivilegedRoles.name(forTemplateID:)) ?? templateID ?? "unknown role"
        let privileged = PrivilegedRoles.contains(name: named, templateID: templateID)
        let member = Self.member(of: change)

        var reasons: [String] = []
        var severity: Severity = privileged ? .medium : .low
        if privileged { reasons.append("a privileged role") }
        if member.identityLowercased == context.user {
            severity = .high
            reasons.append("assigned to itself")
        }
        if context.isSuspected(event) {
            severity = .high
            reasons.append("from an address or session already suspected")
        }
        context.raise(
            Finding(
                key: "\(member.identityLowercased)|\(role.identityLowercased)|\(assignment)",
                summary: "\(context.user) made \(member) \(assignment) \(role)" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")),
                evidence: [event.id], severity: severity,
                details: ["target": member, "role": role, "assignment": assignment]))
    }

    /// The member given the role: a user's UPN, else the object's name (a service principal).
    private static func member(of change: DirectoryChange) -> String {
        if let user = change.targetUser, user.contains("@") { return user }
        return change.displayName ?? change.targetUser ?? "unknown member"
    }

    /// Role-assignment operations and how the summary words them.
    static let assignments: [String: String] = [
        "add member to role": "a member of", "add eligible member to role": "eligible for", "add scoped member to role": "a scoped member of",
    ]

    var examples: [DetectorExample] {
        let admin = "admin@contoso.com"
        let megan = "megan.bowen@contoso.com"
        /// The `ModifiedProperties` Entra writes for a role assignment.
        func role(_ name: String?, templateID: String, wellKnown: String = "") -> [(name: String, new: String, old: String)] {
            var properties: [(name: String, new: String, old: String)] = [
                ("Role.ObjectID", "5d3e2b1a-9c8f-4e7d-b6a5-4f3e2d1c0b9a", ""), ("Role.TemplateId", templateID, ""),
                ("Role.WellKnownObjectName", wellKnown, ""),
            ]
            if let name { properties.insert(("Role.DisplayName", name, ""), at: 1) }
            return properties
        }
        return [
            DetectorExample("a colleague made Global Administrator", .raises(.medium)) { timeline in
                timeline.directoryChange(
                    "Add member to role.", by: admin, from: nil, target: megan,
                    modified: role("Global Administrator", templateID: "62e90394-69f5-4237-9190-012177145e10", wellKnown: "TenantAdmins"))
            },
            DetectorExample("eligible for a privileged role known only by its template id", .raises(.medium)) { timeline in
                timeline.directoryChange(
                    "Add eligible member to role.", by: admin, from: nil, target: megan,
                    modified: role(nil, templateID: "e8611ab8-c189-46e8-94e1-60213ab1f814"))
            },
            DetectorExample("an administrator making themselves Exchange Administrator", .raises(.high)) { timeline in
                timeline.directoryChange(
                    "Add member to role.", by: admin, from: nil, target: admin,
                    modified: role("Exchange Administrator", templateID: "29232cdf-9323-42fd-ade2-1d097af3e4de"))
            },
            DetectorExample("a reader role assigned from the address of a hiding rule", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: admin, from: .hostingNL,
                    parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True"])
                timeline.advance(minutes: 5)
                timeline.directoryChange(
                    "Add member to role.", by: admin, from: .hostingNL, target: "helpdesk2@contoso.com",
                    modified: role("Reports Reader", templateID: "4a5d8f65-41da-4de4-8968-e035b65339cf"))
            },
            DetectorExample("a reader role for a colleague", .raises(.low)) { timeline in
                timeline.directoryChange(
                    "Add member to role.", by: admin, from: nil, target: megan,
                    modified: role("Message Center Reader", templateID: "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b"))
            },
            DetectorExample("roles removed", .silent) { timeline in
                timeline.directoryChange(
                    "Remove member from role.", by: admin, from: nil, target: megan,
                    modified: role("Global Administrator", templateID: "62e90394-69f5-4237-9190-012177145e10"))
                timeline.directoryChange(
                    "Remove eligible member from role.", by: admin, from: nil, target: admin,
                    modified: role("Exchange Administrator", templateID: "29232cdf-9323-42fd-ade2-1d097af3e4de"))
            },
        ]
    }
}
