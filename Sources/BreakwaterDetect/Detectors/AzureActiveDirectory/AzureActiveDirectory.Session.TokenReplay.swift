import BreakwaterModel

/// A session or token used from somewhere its owner never was: the mark of a stolen
/// session cookie or token (adversary-in-the-middle phishing).
struct SessionTokenReplay: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.Session.TokenReplay", title: "Stolen session or token replayed", category: .tokenReplay,
        severity: .high, stage: .initialAccess, attack: [.webSessionCookie, .stealWebSessionCookie],
        explanation: """
            A phishing proxy (Evilginx and its kin) relays the user's password and MFA to Microsoft and keeps the session \
            cookie; the attacker then replays it. Entra records the replay as a sign-in whose MFA requirement was \
            "satisfied by claim in the token" — no prompt — and with the session id of the stolen session. Two shapes \
            are reported: MFA satisfied by a token claim from an address, network or country the identity has never \
            used (after learning, or from a hosting or anonymising network at any time); and one session id seen from two \
            countries or networks. Later mailbox actions carrying that session id are the attacker's, and become part of \
            the incident's footprint.
            """,
        falsePositives: """
            MFA by token claim is normal within a user's own sessions; only a new place makes it suspicious. A user whose \
            laptop moves from home to a hotel keeps its session across countries: legitimate, but rare, and low risk to \
            check.
            """,
        runbook: """
            Revoke the user's sessions at once (revokeSignInSessions), reset the password, remove inbox rules and \
            forwarding the session created, and audit everything done under that session id.
            """)

    let kinds: Set<ActionKind> = [.signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard let network = event.network, let address = event.sourceIP, !SignInPlace.isEgress(network) else { return }
        let session = event.sessions.entraSessionID
        var reasons: [String] = []
        var evidence: [RecordID] = []
        var severity: Severity = .high

        if event.mfaSatisfiedByTokenClaim, !context.identity.knowsAddress(address) {
            let new = SignInPlace.isNew(event, to: context.identity)
            let risky = network.isHostingProvider || network.isAnonymousProxy
            if (new.country || new.network) && (context.hasLearned || risky) {
                reasons.append("MFA was satisfied by a token claim from \(new.country ? "a country" : "a network") \(context.user) has never used")
            }
        }
        if let session, let sighting = context.tenant.sessions[session], sighting.user == context.user, sighting.address != address {
            let movedCountry = sighting.countryCode != nil && network.countryCode != nil && sighting.countryCode != network.countryCode
            let movedNetwork = sighting.asn != nil && network.asn != nil && sighting.asn != network.asn
            if movedCountry || (movedNetwork && (network.isHostingProvider || network.isAnonymousProxy)) {
                reasons.append("session \(session) was used from \(sighting.address) (\(sighting.countryCode ?? "?")) and now from here")
                evidence.append(sighting.record)
                if !movedCountry { severity = .medium }
            }
        }
        guard !reasons.isEmpty else { return }
        let quietKey = "\(session ?? "-")|\(address)"
        guard !context.isQuiet(quietKey) else { return }
        context.quiet(quietKey, for: 86_400_000)
        var details = SignInPlace.details(event)
        if let session { details["session"] = session }
        context.raise(
            Finding(
                key: "\(session ?? event.id.description)|\(address)",
                summary: "Session replayed from \(SignInPlace.describe(event)): \(reasons.joined(separator: "; "))",
                evidence: evidence + [event.id], severity: reasons.count > 1 ? .high : severity, details: details))
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("the seed story: a token claim from a Dutch VPS in the proxy's session", .raises(.high)) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "10:02")
                timeline.graphSignIn(megan, from: .hostingUS, session: "stolen-session")
                timeline.advance(minutes: 38)
                timeline.graphSignIn(megan, from: .hostingNL, session: "stolen-session", mfaByTokenClaim: true)
            },
            DetectorExample("one session from two countries, without a token claim", .raises(.high)) { timeline in
                timeline.at(day: 1, "09:00")
                timeline.graphSignIn(megan, from: .officeGB, session: "s-1")
                timeline.advance(minutes: 20)
                timeline.graphSignIn(megan, from: .broadbandUS, session: "s-1")
            },
            DetectorExample("a token claim in the user's own session at the usual place", .silent) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "09:00")
                timeline.graphSignIn(megan, from: .officeGB, session: "s-own")
                timeline.advance(minutes: 45)
                timeline.graphSignIn(megan, from: .officeGB.host(11), session: "s-own", mfaByTokenClaim: true)
            },
            DetectorExample("a session moving between the office and the phone in the same country", .silent) { timeline in
                timeline.at(day: 1, "09:00")
                timeline.graphSignIn(megan, from: .officeGB, session: "s-2")
                timeline.advance(minutes: 30)
                timeline.graphSignIn(megan, from: .mobileGB, session: "s-2", mfaByTokenClaim: true)
            },
            DetectorExample("a session through the corporate security edge", .silent) { timeline in
                timeline.at(day: 1, "09:00")
                timeline.graphSignIn(megan, from: .homeGB, session: "s-3")
                timeline.advance(minutes: 5)
                timeline.graphSignIn(megan, from: .vpnUS, session: "s-3", mfaByTokenClaim: true)
            },
        ]
    }
}
