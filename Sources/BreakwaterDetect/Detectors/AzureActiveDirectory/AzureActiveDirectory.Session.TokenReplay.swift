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
            "satisfied by claim in the token" — no prompt — and with the session id of the stolen session. A token claim \
            alone means nothing (every sign-in inside an existing session has one); reported are a token claim from a \
            country the identity has never signed in from (after learning) or from a hosting or anonymising network it \
            never used, and one session id seen from two countries faster than anyone travels, or moving onto a hosting \
            or anonymising network. Later mailbox actions carrying that session id are the attacker's, and become part \
            of the incident's footprint.
            """,
        falsePositives: """
            MFA by token claim is normal within a user's own sessions; only a new country or a hosting network makes it \
            suspicious. A laptop carried abroad keeps its session across countries, which is why the move must also be \
            faster than travel. A personal VPN on a hosting provider looks like a replay: suppress it for that user.
            """,
        runbook: """
            Revoke the user's sessions at once (revokeSignInSessions), reset the password, remove inbox rules and \
            forwarding the session created, and audit everything done under that session id.
            """)

    let kinds: Set<ActionKind> = [.signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard let network = event.network, let address = event.sourceIP, !SignInPlace.isEgress(network) else { return }
        let session = event.sessions.entraSessionID
        let risky = network.isHostingProvider || network.isAnonymousProxy
        var reasons: [String] = []
        var evidence: [RecordID] = []

        var severity: Severity = .high
        if event.mfaSatisfiedByTokenClaim, !context.identity.knowsAddress(address) {
            // A token claim is how every sign-in inside an existing session satisfies MFA; it
            // matters only from a country the identity never used, or from a hosting or
            // anonymising network it never used.
            let new = SignInPlace.isNew(event, to: context.identity)
            if new.network && risky {
                reasons.append("MFA was satisfied by a token claim from a hosting or anonymising network \(context.user) has never used")
            } else if new.country && context.hasLearned {
                let here = Geo.Sighting(network: network, time: context.now)
                let previous = context.identity.lastSignIn.map(Geo.Sighting.init)
                if let here, let previous, Geo.apparentSpeed(previous, here) > Self.plausibleSpeed {
                    reasons.append("MFA was satisfied by a token claim from a country \(context.user) has never signed in from, too far from the last sign-in to have travelled")
                } else {
                    // Consistent with a laptop carried abroad: worth noting, not alarming.
                    reasons.append("MFA was satisfied by a token claim from a country \(context.user) has never signed in from (travel is possible)")
                    severity = .low
                }
            }
        }
        if let session, let sighting = context.tenant.sessions[session], sighting.user == context.user, sighting.address != address {
            let movedCountry = sighting.countryCode != nil && network.countryCode != nil && sighting.countryCode != network.countryCode
            let movedNetwork = sighting.asn != nil && network.asn != nil && sighting.asn != network.asn
            // A laptop carries its session abroad; a stolen session jumps faster than anyone flies.
            if movedCountry, let before = Geo.Sighting(sighting), let here = Geo.Sighting(network: network, time: context.now),
                Geo.apparentSpeed(before, here) > Self.plausibleSpeed
            {
                reasons.append(
                    "session \(session) was used from \(sighting.address) (\(sighting.countryCode ?? "?")) \((context.now - sighting.time) / 60_000) min earlier, too far to have travelled")
                evidence.append(sighting.record)
                severity = .high
            } else if (movedCountry || movedNetwork) && risky {
                reasons.append("session \(session) was used from \(sighting.address) (\(sighting.countryCode ?? "?")) and now from a hosting or anonymising network")
                evidence.append(sighting.record)
                severity = .high
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
                evidence: evidence + [event.id], severity: severity, details: details))
    }

    /// Faster than an airliner, in km/h (the impossible-travel detector's default).
    static let plausibleSpeed = 900.0

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
            DetectorExample("a laptop's session carried to Paris the same evening is only noted", .raises(.low)) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "08:30")
                timeline.graphSignIn(megan, from: .officeGB, session: "laptop")
                timeline.at(day: 11, "19:00")
                timeline.graphSignIn(megan, from: .homeFR, session: "laptop", mfaByTokenClaim: true)
            },
            DetectorExample("a token claim from a new mobile network in the user's own country", .silent) { timeline in
                timeline.habits(megan, from: .officeGB, days: 10)
                timeline.at(day: 11, "12:30")
                timeline.graphSignIn(megan, from: .mobileGB, session: "phone", mfaByTokenClaim: true)
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
