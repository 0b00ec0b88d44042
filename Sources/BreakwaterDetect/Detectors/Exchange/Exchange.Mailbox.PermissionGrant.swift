import BreakwaterModel

/// Mailbox permissions that let someone else read the mailbox or send as its owner: Full
/// Access, Send As, Send on Behalf, and mail folders shared with a person, with everyone or
/// with anyone.
struct MailboxPermissionGrant: Detector {
    let descriptor = DetectorDescriptor(
        id: "Exchange.Mailbox.PermissionGrant", title: "Mailbox access granted", category: .mailboxPermissionGrant, severity: .low,
        stage: .persistence, attack: [.additionalEmailDelegatePermissions],
        explanation: """
            A delegate permission outlives a password reset: an attacker with the owner's or an administrator's session \
            grants Full Access or Send As to an account they hold, or shares the Inbox with Default (everyone in the \
            organisation) or Anonymous, and keeps reading — or sends as the owner — after being thrown out. Grants are \
            read from Add-MailboxPermission (FullAccess, ChangePermission, ChangeOwner), Add-RecipientPermission \
            (SendAs), Set-Mailbox -GrantSendOnBehalfTo, Add-/Set-MailboxFolderPermission, and the mailbox audit of folder \
            sharing from Outlook (AddFolderPermissions, UpdateFolderPermissions, ModifyFolderPermissions). A grant to \
            an address outside the tenant, a mail folder readable by Default or Anonymous, or any grant from an address \
            or session already suspected is high; an administrator granting themselves someone else's mailbox is medium; \
            delegation to a colleague is low, because assistants and shared mailboxes are everyday work. Calendars, \
            contacts, tasks and notes shared inside the organisation, removals, and rights that read nothing \
            (AvailabilityOnly, ReadPermission) are not reported; sharing them outside is low.
            """,
        falsePositives: """
            Assistants get Full Access or Send on Behalf to their manager's mailbox; administrators set up shared mailboxes \
            and delegates; Exchange's own service account grants permissions when it creates mailboxes (not reported). \
            Investigators grant themselves access to a mailbox under legal hold. The low and medium findings are for \
            review, not for waking anyone.
            """,
        runbook: """
            Confirm the grant with the mailbox owner and whoever made it. If it is not sanctioned, remove it \
            (Remove-MailboxPermission, Remove-RecipientPermission, Set-Mailbox -GrantSendOnBehalfTo @{Remove=…}, \
            Remove-MailboxFolderPermission), then treat the granting account as compromised: revoke its sessions, reset \
            the password, and review what the grantee read or sent (MailItemsAccessed, Send, SendAs records).
            """)

    /// `Set-Mailbox` carries several settings in one call and its record gets one kind: a
    /// call that also sets forwarding is classified as a forwarding change.
    let kinds: Set<ActionKind> = [.mailboxPermissionChanged, .mailboxForwardingChanged]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed, let grant = MailboxGrant(event) else { return }
        let suspected = context.isSuspected(event)
        let actor = context.user
        var reported: [(grantee: String, severity: Severity, reason: String)] = []
        for grantee in grant.grantees {
            guard var judged = Self.judge(grantee, of: grant, actor: actor, configuration: context.configuration) else {
                if suspected, grant.reachesMail { reported.append((grantee, .high, "granted from an address or session already suspected")) }
                continue
            }
            if suspected, grant.reachesMail {
                judged = (.high, judged.reason + "; granted from an address or session already suspected")
            }
            reported.append((grantee, judged.severity, judged.reason))
        }
        guard let severity = reported.map(\.severity).max() else { return }

        let mailbox = grant.mailbox ?? event.mailboxOwner ?? actor
        let grantees = reported.map(\.grantee).joined(separator: ", ")
        let place = grant.folder.map { " folder \"\($0.isEmpty ? "top of mailbox" : $0)\" of" } ?? ""
        var details = ["grantee": grantees, "rights": grant.rights, "mailbox": mailbox, "access": grant.access.rawValue]
        if let folder = grant.folder { details["folder"] = folder }
        let external = reported.map(\.grantee).filter { RecipientList.isAddress($0) && !context.configuration.isInternal($0) }
        if !external.isEmpty { details["destination"] = external.joined(separator: ", ") }
        context.raise(
            Finding(
                key: "\(mailbox)|\(grant.folder ?? "")|\(grantees.identityLowercased)|\(grant.rights.identityLowercased)",
                summary: "\(grantees) given \(grant.access.rawValue) (\(grant.rights)) to\(place) \(mailbox): "
                    + reported.map(\.reason).joined(separator: "; "),
                evidence: [event.id], severity: severity, details: details))
    }

    /// How much a grant to `grantee` matters, and why; `nil` when it does not.
    static func judge(_ grantee: String, of grant: MailboxGrant, actor: String, configuration: TenantConfiguration) -> (
        severity: Severity, reason: String
    )? {
        if RecipientList.isAddress(grantee), !configuration.isInternal(grantee) {
            return grant.reachesMail ? (.high, "the grantee is outside the organisation") : (.low, "shared outside the organisation")
        }
        if MailboxGrant.isEveryone(grantee) {
            let anonymous = grantee.identityLowercased == "anonymous"
            if grant.reachesMail { return (.high, anonymous ? "anyone can read it, unauthenticated" : "everyone in the organisation can read it") }
            return anonymous ? (.low, "published to anyone, unauthenticated") : nil
        }
        guard grant.reachesMail, !actor.hasPrefix("nt authority\\") else { return nil }
        let mailbox = grant.mailbox ?? ""
        if isSelf(grantee, actor: actor), !mailbox.isEmpty, !isSelf(mailbox, actor: actor) {
            return (.medium, "the administrator granted it to themselves")
        }
        return (.low, "delegated inside the organisation")
    }

    /// Whether `name` (an address or an alias) is `actor`.
    private static func isSelf(_ name: String, actor: String) -> Bool {
        let lowered = name.identityLowercased
        return lowered == actor || lowered == actor.split(separator: "@").first.map(String.init)
    }

    var examples: [DetectorExample] {
        let admin = "admin@contoso.com"
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("Full Access to the CFO's mailbox for an outside account", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "Add-MailboxPermission", by: admin, from: .officeGB,
                    parameters: [
                        "Identity": "cfo@contoso.com", "User": "helpdesk@contoso-support.example", "AccessRights": "FullAccess",
                        "InheritanceType": "All",
                    ])
            },
            DetectorExample("the Inbox shared with everyone from Outlook", .raises(.high)) { timeline in
                timeline.mailboxAction(
                    "AddFolderPermissions", by: megan, from: .homeGB,
                    fields: [
                        (
                            "Item",
                            [
                                "Id": "LgAAAACp",
                                "ParentFolder": [
                                    "Id": "LgAAAACpInbox", "Path": "\\Inbox", "Name": "Inbox", "MemberUpn": "Default", "MemberSid": "S-1-1-0",
                                    "MemberRights": "ReadAny, FolderVisible",
                                ],
                            ]
                        )
                    ])
            },
            DetectorExample("the Inbox shared with Anonymous in PowerShell", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "Add-MailboxFolderPermission", by: megan, from: .homeGB,
                    parameters: ["Identity": "megan.bowen@contoso.com:\\Inbox", "User": "Anonymous", "AccessRights": "Reviewer"])
            },
            DetectorExample("Send As granted from the address of a hiding rule", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: admin, from: .hostingNL,
                    parameters: ["Name": "..", "SubjectOrBodyContainsWords": "phishing;suspicious", "DeleteMessage": "True"])
                timeline.advance(minutes: 4)
                timeline.cmdlet(
                    "Add-RecipientPermission", by: admin, from: .hostingNL,
                    parameters: ["Identity": "ceo@contoso.com", "Trustee": "megan.bowen@contoso.com", "AccessRights": "SendAs", "Confirm": "False"])
            },
            DetectorExample("an administrator granting themselves the CEO's mailbox", .raises(.medium)) { timeline in
                timeline.cmdlet(
                    "Add-MailboxPermission", by: admin, from: .officeGB,
                    parameters: ["Identity": "ceo@contoso.com", "User": admin, "AccessRights": "FullAccess", "AutoMapping": "False"])
            },
            DetectorExample("an assistant given Full Access to their manager's mailbox", .raises(.low)) { timeline in
                timeline.cmdlet(
                    "Add-MailboxPermission", by: admin, from: .officeGB,
                    parameters: ["Identity": "ceo@contoso.com", "User": "megan.bowen@contoso.com", "AccessRights": "FullAccess"])
            },
            DetectorExample("Send on Behalf added for an assistant, hash-table style", .raises(.low)) { timeline in
                timeline.cmdlet(
                    "Set-Mailbox", by: admin, from: .officeGB,
                    parameters: ["Identity": "ceo@contoso.com", "GrantSendOnBehalfTo": "@{Add=\"megan.bowen@contoso.com\"}"])
            },
            DetectorExample("a calendar shared with a colleague and with everyone", .silent) { timeline in
                timeline.cmdlet(
                    "Add-MailboxFolderPermission", by: megan, from: .homeGB,
                    parameters: ["Identity": "megan.bowen@contoso.com:\\Calendar", "User": "adele.vance@contoso.com", "AccessRights": "Editor"])
                timeline.mailboxAction(
                    "ModifyFolderPermissions", by: megan, from: .homeGB,
                    fields: [("Item", ["ParentFolder": ["Path": "\\Kalender", "MemberUpn": "Default", "MemberRights": "ReadAny, FolderVisible"]])])
            },
            DetectorExample("free/busy only, rights that read nothing, and removals", .silent) { timeline in
                timeline.cmdlet(
                    "Set-MailboxFolderPermission", by: megan, from: .homeGB,
                    parameters: ["Identity": "megan.bowen@contoso.com:\\Inbox", "User": "Default", "AccessRights": "None"])
                timeline.cmdlet(
                    "Add-MailboxPermission", by: admin, from: .officeGB,
                    parameters: ["Identity": "ceo@contoso.com", "User": "helpdesk@contoso-support.example", "AccessRights": "ReadPermission"])
                timeline.cmdlet(
                    "Remove-MailboxPermission", by: admin, from: .officeGB,
                    parameters: ["Identity": "ceo@contoso.com", "User": "megan.bowen@contoso.com", "AccessRights": "FullAccess"])
                timeline.cmdlet(
                    "Set-Mailbox", by: admin, from: .officeGB,
                    parameters: ["Identity": "ceo@contoso.com", "GrantSendOnBehalfTo": "@{Remove=\"megan.bowen@contoso.com\"}"])
            },
            DetectorExample("Exchange granting its own service rights on a new mailbox", .silent) { timeline in
                timeline.cmdlet(
                    "Add-MailboxPermission", by: "NT AUTHORITY\\SYSTEM (Microsoft.Exchange.ServiceHost)", from: .microsoft,
                    parameters: ["Identity": "shared.finance@contoso.com", "User": "NT AUTHORITY\\SELF", "AccessRights": "FullAccess"])
            },
        ]
    }
}
