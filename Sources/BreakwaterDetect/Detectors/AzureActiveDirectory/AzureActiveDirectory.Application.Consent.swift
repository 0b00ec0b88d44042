import BreakwaterModel

/// Consent that gives an application the user's mail, files or directory: the attacker's
/// way to keep reading after the password is reset (an "illicit consent grant").
struct ApplicationConsent: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.Application.Consent", title: "Application granted access to mail, files or the directory",
        category: .oauthConsent, severity: .medium, stage: .persistence, attack: [.stealApplicationAccessToken],
        explanation: """
            When someone consents to an application, Entra gives it tokens to act as them — or, with admin consent, as \
            everyone — without their password and unaffected by its reset. Attackers get consent by phishing ("sign in to \
            view the document") or grant it themselves from a stolen session, to apps that sync mail (Mail.Read, \
            Mail.ReadWrite, Mail.Send, EWS, IMAP/POP/SMTP, full_access_as_user, MailboxSettings.ReadWrite), read files \
            (Files.Read.All, Files.ReadWrite.All, Sites.*) or write the directory. The scopes a "Consent to application." \
            record adds are read from ConsentAction.Permissions. Consent for all users (admin consent, OnBehalfOfAll, \
            ConsentType AllPrincipals) or app-only consent with such scopes is high; a user's own consent to them with \
            offline_access (a refresh token: access that lasts) is medium, without it low; any consent from an address or \
            session already suspected is high. Consent to sign-in scopes only (openid, profile, email, User.Read, \
            offline_access) and re-consent that adds nothing are not reported.
            """,
        falsePositives: """
            People connect legitimate mail clients and productivity add-ins (a CRM's Outlook plug-in, a scheduling tool) to \
            their mailbox, and administrators consent for the whole tenant when rolling out an approved app. Check the \
            publisher (verified or not), the reply URLs and how many users use it; suppress by application once vetted.
            """,
        runbook: """
            Look the application up in Enterprise applications: publisher, creation date, permissions, users. If it is not \
            sanctioned, revoke the grants (Remove-MgOauth2PermissionGrant) and disable or delete the service principal, \
            revoke the consenting user's sessions, and search the unified audit log for the app's activity (its ClientAppId \
            in MailItemsAccessed and file records). Consider restricting user consent to verified publishers.
            """)

    let kinds: Set<ActionKind> = [.consentGranted]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let change = DirectoryChange(event)
        guard change.operation == "consent to application" else { return }
        let permissions = ConsentPermissions(change.properties.entry(named: "ConsentAction.Permissions")?.value ?? "")
        let added = permissions.added
        guard !added.isEmpty else { return }
        let risky = added.filter { ApplicationScopes.risk(of: $0) != nil }
        let suspected = context.isSuspected(event)
        guard !risky.isEmpty || suspected else { return }

        let forAll =
            PropertyValue.isTrue(change.newValue("ConsentContext.IsAdminConsent"))
            || PropertyValue.isTrue(change.newValue("ConsentContext.OnBehalfOfAll")) || permissions.forAllPrincipals
        let appOnly = PropertyValue.isTrue(change.newValue("ConsentContext.IsAppOnly"))
        let lasting = permissions.granted.contains(where: ApplicationScopes.isOfflineAccess)
        let severity: Severity
        if suspected || forAll || appOnly {
            severity = .high
        } else {
            severity = lasting ? .medium : .low
        }
        var reasons: [String] = []
        if !risky.isEmpty {
            let risks = Set(risky.compactMap(ApplicationScopes.risk(of:)).map(\.rawValue)).sorted()
            reasons.append("\(risks.joined(separator: ", ")) access: \(risky.joined(separator: " "))")
        }
        if lasting { reasons.append("with offline_access") }
        if suspected { reasons.append("granted from an address or session already suspected") }
        let scope = forAll ? "all users" : (appOnly ? "the application itself (app-only)" : "their own account")

        let application = change.displayName ?? "unknown application"
        context.raise(
            Finding(
                key: "\(application.identityLowercased)|\(added.map { $0.lowercased() }.sorted().joined(separator: " "))",
                summary: "\(context.user) consented for \(scope) to \"\(application)\": \(reasons.joined(separator: "; "))",
                evidence: [event.id], severity: severity,
                details: ["application": application, "scopes": added.joined(separator: " "), "consent": scope]))
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        let admin = "admin@contoso.com"
        /// `ConsentAction.Permissions` as Entra writes it for one grant.
        func permissions(_ scopes: String, consentType: String = "Principal", before: String = "[]") -> String {
            "\(before) => [[Id: 1bxfJkR9a0-Wz9F3xQ2ELDAAAAAAAAAA, ClientId: 7c1d5d5e-8a2b-4c1e-9d0f-3b2a1c0d9e8f, PrincipalId: "
                + "2f0c1e1d-4b5a-4e6f-8a7b-9c8d7e6f5a4b, ResourceId: 4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d, ConsentType: \(consentType), "
                + "Scope:  \(scopes), CreatedDateTime: , LastModifiedDateTime: ]]; "
        }
        return [
            DetectorExample("a user consents to a mail-sync app with offline access", .raises(.medium)) { timeline in
                timeline.directoryChange(
                    "Consent to application.", by: megan, from: nil, target: "MailSync Pro",
                    modified: [
                        ("ConsentContext.IsAdminConsent", "False", ""), ("ConsentContext.IsAppOnly", "False", ""),
                        ("ConsentContext.OnBehalfOfAll", "False", ""),
                        ("ConsentAction.Permissions", permissions("Mail.Read Mail.Send offline_access openid profile"), ""),
                    ])
            },
            DetectorExample("the fixture's short form of the permissions", .raises(.medium)) { timeline in
                timeline.directoryChange(
                    "Consent to application.", by: megan, from: nil, target: "MailSync Pro",
                    modified: [
                        ("ConsentContext.IsAdminConsent", "False", ""),
                        ("ConsentAction.Permissions", "[] => [[Scope: Mail.Read Mail.Send offline_access]]", ""),
                    ])
            },
            DetectorExample("admin consent for everyone to read all files", .raises(.high)) { timeline in
                timeline.directoryChange(
                    "Consent to application.", by: admin, from: nil, target: "DocuSync Cloud",
                    modified: [
                        ("ConsentContext.IsAdminConsent", "True", ""), ("ConsentContext.OnBehalfOfAll", "True", ""),
                        (
                            "ConsentAction.Permissions",
                            permissions("User.Read Files.Read.All Sites.Read.All offline_access", consentType: "AllPrincipals"), ""
                        ),
                    ])
            },
            DetectorExample("a tenant-wide grant known only from the permissions text", .raises(.high)) { timeline in
                timeline.directoryChange(
                    "Consent to application.", by: admin, from: nil, target: "Mailbox Archiver",
                    modified: [("ConsentAction.Permissions", permissions("Mail.ReadWrite offline_access", consentType: "AllPrincipals"), "")])
            },
            DetectorExample("a mail client consented from the address of a hiding rule", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .hostingNL,
                    parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True"])
                timeline.advance(minutes: 8)
                timeline.directoryChange(
                    "Consent to application.", by: megan, from: .hostingNL, target: "eM Client",
                    modified: [
                        ("ConsentContext.IsAdminConsent", "False", ""),
                        ("ConsentAction.Permissions", permissions("https://outlook.office.com/IMAP.AccessAsUser.All offline_access"), ""),
                    ])
            },
            DetectorExample("a one-off tool reading mail without offline access", .raises(.low)) { timeline in
                timeline.directoryChange(
                    "Consent to application.", by: megan, from: nil, target: "Signature Helper",
                    modified: [("ConsentAction.Permissions", permissions("User.Read MailboxSettings.ReadWrite"), "")])
            },
            DetectorExample("sign-in scopes only", .silent) { timeline in
                timeline.directoryChange(
                    "Consent to application.", by: megan, from: nil, target: "Zoom",
                    modified: [
                        ("ConsentContext.IsAdminConsent", "False", ""),
                        ("ConsentAction.Permissions", permissions("openid profile email User.Read offline_access"), ""),
                    ])
                timeline.directoryChange(
                    "Consent to application.", by: admin, from: nil, target: "Contoso Intranet",
                    modified: [
                        ("ConsentContext.IsAdminConsent", "True", ""), ("ConsentContext.OnBehalfOfAll", "True", ""),
                        ("ConsentAction.Permissions", permissions("openid profile User.Read", consentType: "AllPrincipals"), ""),
                    ])
            },
            DetectorExample("re-consent that adds only a sign-in scope", .silent) { timeline in
                timeline.directoryChange(
                    "Consent to application.", by: megan, from: nil, target: "MailSync Pro",
                    modified: [
                        (
                            "ConsentAction.Permissions",
                            permissions(
                                "Mail.Read offline_access User.Read", before: "[[Id: 1bx, ConsentType: Principal, Scope: Mail.Read offline_access]]"),
                            ""
                        )
                    ])
            },
        ]
    }
}
