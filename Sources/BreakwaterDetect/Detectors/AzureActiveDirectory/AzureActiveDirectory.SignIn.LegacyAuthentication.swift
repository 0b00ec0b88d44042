import BreakwaterModel

/// Sign-ins over protocols that cannot do MFA: IMAP, POP, SMTP AUTH, Exchange ActiveSync
/// basic, old Outlook, the ROPC flow.
struct SignInLegacyAuthentication: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.LegacyAuthentication", title: "Sign-in over legacy authentication", category: .legacyAuth,
        severity: .medium, stage: .initialAccess, attack: [.validCloudAccounts],
        explanation: """
            Legacy protocols send the password with every request and cannot ask for a second factor, so a password is \
            all an attacker needs — which is why password sprays use them. A successful legacy sign-in by an identity \
            that has never used that protocol is medium; from a hosting or anonymising network, by a known attack tool, or \
            from a suspected address it is high. A protocol the identity already uses (a scanner sending mail over SMTP \
            AUTH) is low; failed legacy attempts are noted once a day at low severity.
            """,
        falsePositives: """
            Multifunction printers and line-of-business applications sending mail with SMTP AUTH, old phones using \
            ActiveSync basic. Move them to modern authentication or an app registration, then block legacy \
            authentication with Conditional Access.
            """,
        runbook: """
            Find out which device or application it is. If nobody knows, reset the password, revoke sessions and block \
            legacy authentication for the account.
            """)

    let kinds: Set<ActionKind> = [.signInSucceeded, .signInFailed]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        // Graph names the protocol outright; otherwise enrichment recognised it in the user agent.
        let client: ClientFacts
        if let app = event.legacyClientApp {
            client = ClientFacts(kind: .legacyProtocol, family: app, attackTool: event.client?.attackTool)
        } else if let facts = event.client, facts.kind == .legacyProtocol {
            client = facts
        } else {
            return
        }
        let succeeded = event.kind == .signInSucceeded
        let quietKey = "\(client.family)|\(succeeded)"
        guard !context.isQuiet(quietKey) else { return }
        let severity: Severity
        if !succeeded {
            severity = .low
        } else if event.network?.isHostingProvider == true || event.network?.isAnonymousProxy == true || client.attackTool != nil
            || context.isSuspected(event)
        {
            severity = .high
        } else if context.identity.clients.contains(client.fingerprint) {
            severity = .low
        } else {
            severity = .medium
        }
        context.quiet(quietKey, for: 86_400_000)
        context.raise(
            Finding(
                key: event.id.description,
                summary: "\(succeeded ? "Sign-in" : "Failed sign-in") over \(client.family) (no MFA possible) from \(SignInPlace.describe(event))",
                evidence: [event.id], severity: severity, details: SignInPlace.details(event)))
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("a first IMAP sign-in", .raises(.medium)) { timeline in
                timeline.habits(megan, from: .officeGB, days: 3)
                timeline.at(day: 4, "11:00")
                timeline.signIn(megan, from: .homeGB, agent: ExampleAgents.imap)
            },
            DetectorExample("IMAP from a hosting provider", .raises(.high)) { timeline in
                timeline.signIn(megan, from: .hostingNL, agent: ExampleAgents.imap)
            },
            DetectorExample("Graph says the sign-in used a legacy client", .raises(.medium)) { timeline in
                timeline.graphSignIn(megan, from: .homeGB, session: "s", clientApp: "Authenticated SMTP")
            },
            DetectorExample("failed IMAP attempts are only noted", .raises(.low)) { timeline in
                timeline.signIn(megan, from: .homeGB, agent: ExampleAgents.imap, result: .wrongPassword)
                timeline.signIn(megan, from: .homeGB, agent: ExampleAgents.imap, result: .wrongPassword)
            },
            DetectorExample("a modern browser sign-in", .silent) { timeline in
                timeline.signIn(megan, from: .homeGB)
            },
        ]
    }
}
