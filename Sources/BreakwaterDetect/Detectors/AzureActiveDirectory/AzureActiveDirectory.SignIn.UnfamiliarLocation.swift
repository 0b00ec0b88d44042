import BreakwaterModel

/// A successful sign-in from a country or network the identity has never used.
struct SignInUnfamiliarLocation: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.UnfamiliarLocation", title: "Sign-in from an unfamiliar location", category: .signInUnfamiliarLocation,
        severity: .low, stage: .initialAccess, attack: [.validCloudAccounts],
        explanation: """
            After its learning period each identity has a baseline of the addresses, /24 and /48 prefixes, countries and \
            networks (autonomous systems) it signs in from. A successful sign-in from a country it has never used is \
            reported; so is one from a hosting provider or by a script or attack tool on a network it has never used, \
            which is how stolen passwords and phishing-proxy sessions arrive. A new address inside a known network, or a \
            network many colleagues share, is not unfamiliar.
            """,
        falsePositives: """
            Travel and new home broadband produce low-severity alerts once per place; the place is then learned. A hosting \
            provider is medium because people rarely browse from one — a corporate VPN hosted in a cloud becomes familiar \
            once colleagues use it, or can be listed as trusted.
            """,
        runbook: """
            Ask the user whether they were there. If not, or if the sign-in came from a hosting provider, revoke their \
            sessions, reset the password and review what the session did next.
            """,
        thresholds: [minimumSignIns])

    static let minimumSignIns = Threshold("minimum_sign_ins", default: 3, "sign-ins the baseline must hold before departures count")

    let kinds: Set<ActionKind> = [.signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard let network = event.network, !SignInPlace.isEgress(network), let address = event.sourceIP else { return }
        guard context.hasLearned, Double(context.identity.signIns) >= context.value(of: Self.minimumSignIns) else { return }
        guard !context.identity.knowsAddress(address) else { return }
        let new = SignInPlace.isNew(event, to: context.identity)
        let risky = network.isHostingProvider || network.isAnonymousProxy || SignInPlace.isAutomated(event.client)
        let sharedByColleagues = network.asn.map(context.tenant.sharesNetwork) ?? false
        let severity: Severity
        if new.country {
            severity = risky ? .medium : .low
        } else if new.network && risky && !sharedByColleagues {
            severity = .medium
        } else {
            return
        }
        let place = "\(network.countryCode ?? "?")|\(network.asn.map(String.init) ?? "?")"
        guard !context.isQuiet(place) else { return }
        context.quiet(place, for: 86_400_000)
        var reasons: [String] = []
        if new.country { reasons.append("a country \(context.user) has never signed in from") }
        if new.network { reasons.append("a network never used before") }
        if network.isHostingProvider { reasons.append("a hosting provider") }
        if let tool = event.client?.attackTool { reasons.append("the client announces \(tool)") }
        context.raise(
            Finding(
                key: event.id.description,
                summary: "Sign-in from \(SignInPlace.describe(event)): \(reasons.joined(separator: ", "))",
                evidence: [event.id], severity: severity, details: SignInPlace.details(event)))
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("a phishing proxy's sign-in from a hosting provider abroad", .raises(.medium)) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "10:02")
                timeline.signIn(megan, from: .hostingUS)
            },
            DetectorExample("a trip to Germany on hotel broadband", .raises(.low)) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "19:30")
                timeline.signIn(megan, from: .hotelDE)
            },
            DetectorExample("the second sign-in from the same hotel is familiar", .raises(.low)) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "19:30")
                timeline.signIn(megan, from: .hotelDE)
                timeline.at(day: 12, "07:30")
                timeline.signIn(megan, from: .hotelDE.host(99))
            },
            DetectorExample("a new address at the user's usual provider", .silent) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "20:00")
                timeline.signIn(megan, from: .homeGB)
            },
            DetectorExample("a new network colleagues already use, in the user's own country", .silent) { timeline in
                for colleague in ["alex@contoso.com", "lee@contoso.com", "sam@contoso.com"] {
                    timeline.habits(colleague, from: .virginGB, days: 10)
                }
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "20:00")
                timeline.signIn(megan, from: .virginGB.host(77))
            },
            DetectorExample("anything goes during the learning period", .silent) { timeline in
                timeline.habits(megan, from: .officeGB, days: 2)
                timeline.at(day: 3, "10:00")
                timeline.signIn(megan, from: .hotelDE)
            },
            DetectorExample("the corporate security edge is not a place", .silent) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "10:00")
                timeline.signIn(megan, from: .vpnUS)
            },
        ]
    }
}
