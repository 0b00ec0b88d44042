import BreakwaterModel

/// A successful sign-in from a country the tenant does not allow.
struct SignInOutsideAllowedCountries: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.OutsideAllowedCountries", title: "Sign-in from a country outside the allowed list",
        category: .signInOutsideAllowedCountries, severity: .medium, stage: .initialAccess, attack: [.validCloudAccounts],
        explanation: """
            Many small organisations work from one or two countries. When the tenant configuration lists the countries \
            sign-ins may come from (`allowed_countries`), every successful sign-in from elsewhere is reported, from the \
            first day: no learning period, the list is the policy. Trusted networks, security service edges and \
            Microsoft's own addresses say nothing about the user's country and are ignored.
            """,
        falsePositives: """
            Business travel outside the list. Add the country for the trip, or a suppression for the traveller with an \
            expiry, rather than removing the policy.
            """,
        runbook: """
            Confirm with the user; if they are not abroad, revoke sessions, reset the password and review the session's \
            activity.
            """)

    let kinds: Set<ActionKind> = [.signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        let allowed = context.configuration.allowedCountries
        guard !allowed.isEmpty, let network = event.network, !SignInPlace.isEgress(network), let country = network.countryCode else { return }
        guard !allowed.contains(country.uppercased()), !context.isQuiet(country) else { return }
        context.quiet(country, for: 86_400_000)
        let risky = network.isHostingProvider || network.isAnonymousProxy || SignInPlace.isAutomated(event.client)
        context.raise(
            Finding(
                key: event.id.description,
                summary: "Sign-in from \(country), outside the allowed countries (\(allowed.sorted().joined(separator: ", "))), from \(SignInPlace.describe(event))",
                evidence: [event.id], severity: risky ? .high : .medium, details: SignInPlace.details(event)))
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        let ukOnly = TenantConfiguration(domains: ["contoso.com"], allowedCountries: ["GB"])
        return [
            DetectorExample("a sign-in from France when only the UK is allowed", .raises(.medium), configuration: ukOnly) { timeline in
                timeline.signIn(megan, from: .homeFR)
            },
            DetectorExample("a hosting provider abroad is worse", .raises(.high), configuration: ukOnly) { timeline in
                timeline.signIn(megan, from: .hostingNL)
            },
            DetectorExample("a sign-in from the UK", .silent, configuration: ukOnly) { timeline in
                timeline.signIn(megan, from: .homeGB)
            },
            DetectorExample("the security edge's US egress is not the user's country", .silent, configuration: ukOnly) { timeline in
                timeline.signIn(megan, from: .vpnUS)
            },
            DetectorExample("no allowed list, no policy", .silent) { timeline in
                timeline.signIn(megan, from: .homeFR)
            },
        ]
    }
}
