import BreakwaterModel

/// Sign-ins through Tor or an anonymising proxy.
struct SignInAnonymousProxy: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.AnonymousProxy", title: "Sign-in through an anonymising proxy", category: .signInAnonymousProxy,
        severity: .high, stage: .initialAccess, attack: [.validCloudAccounts, .proxy],
        explanation: """
            The location database flags Tor exits and anonymising proxies. Employees practically never reach Microsoft 365 \
            through them, attackers often do: a successful sign-in from one is high severity, failed attempts are noted at \
            low severity once a day. A hosting provider is a weaker signal: while an identity is still being learned, a \
            first sign-in from a hosting network it has not used is noted at low severity (after learning, the unfamiliar \
            location detector judges it).
            """,
        falsePositives: """
            Privacy-minded staff using Tor or a consumer VPN that the database flags. Confirm with the user; suppress for \
            that user with an expiry if it is their habit.
            """,
        runbook: """
            Treat a successful anonymous sign-in as a compromise until the user explains it: revoke sessions, reset the \
            password, review the session's activity.
            """)

    let kinds: Set<ActionKind> = [.signInSucceeded, .signInFailed]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard let network = event.network, network.locatesUser, !network.isTrusted else { return }
        let succeeded = event.kind == .signInSucceeded
        if network.isAnonymousProxy {
            let quietKey = succeeded ? "anonymous" : "anonymous-failure"
            guard !context.isQuiet(quietKey) else { return }
            context.quiet(quietKey, for: succeeded ? 3_600_000 : 86_400_000)
            context.raise(
                Finding(
                    key: event.id.description,
                    summary: succeeded
                        ? "Successful sign-in through an anonymising proxy: \(SignInPlace.describe(event))"
                        : "Failed sign-in through an anonymising proxy: \(SignInPlace.describe(event))",
                    evidence: [event.id], severity: succeeded ? .high : .low, details: SignInPlace.details(event)))
        } else if succeeded, network.isHostingProvider, !context.hasLearned, let asn = network.asn,
            !context.identity.networks.contains(asn), !context.tenant.sharesNetwork(asn), !context.isQuiet("hosting|\(asn)")
        {
            context.quiet("hosting|\(asn)", for: 7 * 86_400_000)
            context.raise(
                Finding(
                    key: event.id.description, summary: "Sign-in from a hosting provider while the identity is being learned: \(SignInPlace.describe(event))",
                    evidence: [event.id], severity: .low, details: SignInPlace.details(event)))
        }
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("a successful sign-in from a Tor exit", .raises(.high)) { timeline in
                timeline.signIn(megan, from: .torDE)
            },
            DetectorExample("failed sign-ins from Tor are noted once", .raises(.low)) { timeline in
                for _ in 0..<5 {
                    timeline.signIn(megan, from: .torDE, result: .wrongPassword)
                }
            },
            DetectorExample("a backup job's first night at a hosting provider is only noted", .raises(.low)) { timeline in
                timeline.signIn("svc-backup@contoso.com", from: .hetznerDE, agent: ExampleAgents.rclone)
            },
            DetectorExample("ordinary broadband", .silent) { timeline in
                timeline.signIn(megan, from: .homeGB)
            },
            DetectorExample("after learning, a hosting provider is the unfamiliar-location detector's to judge", .silent) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "10:00")
                timeline.signIn(megan, from: .hostingUS)
            },
            DetectorExample(
                "a hosting network the tenant trusts", .silent,
                configuration: TenantConfiguration(domains: ["contoso.com"], trustedNetworks: [IPNetwork("88.198.20.0/24")!])
            ) { timeline in
                timeline.signIn("svc-backup@contoso.com", from: .hetznerDE, agent: ExampleAgents.rclone)
            },
        ]
    }
}
