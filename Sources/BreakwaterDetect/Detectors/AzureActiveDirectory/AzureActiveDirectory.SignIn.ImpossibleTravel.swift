import BreakwaterModel

/// Two successful sign-ins too far apart for the time between them.
struct SignInImpossibleTravel: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.ImpossibleTravel", title: "Impossible travel between sign-ins", category: .impossibleTravel,
        severity: .medium, stage: .initialAccess, attack: [.validCloudAccounts],
        explanation: """
            Each successful sign-in is compared with the identity's previous one that located it: the distance between \
            them (great circle, less the uncertainty of country-level positions) divided by the time between them gives a \
            speed; faster than an airliner means two people, or a stolen session used from elsewhere. Addresses that do \
            not locate the user are left out of the chain: trusted networks, security service edges (Zscaler, Netskope, \
            Cloudflare WARP), Microsoft's own servers. Travel to or from a hosting provider or an anonymising proxy is high.
            """,
        falsePositives: """
            A VPN or proxy the database does not recognise makes a user appear to jump; list its ranges as trusted. Mobile \
            carriers sometimes egress far from the user; the country-level uncertainty absorbs most of it.
            """,
        runbook: """
            Ask the user where they were. If one of the two sign-ins was not theirs, revoke sessions, reset the password and \
            review that session's activity.
            """,
        thresholds: [maximumSpeed, minimumDistance])

    static let maximumSpeed = Threshold("maximum_speed_kmh", default: 900, "fastest plausible travel, in km/h")
    static let minimumDistance = Threshold("minimum_distance_km", default: 500, "shorter apparent moves are ignored, in km")
    let kinds: Set<ActionKind> = [.signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard let network = event.network, let current = SignInPoint(event, network: network), network.locatesUser,
            let previous = context.identity.lastSignIn, previous.address != current.address
        else { return }
        let from = Geo.Sighting(previous)
        let to = Geo.Sighting(current)
        guard Geo.apparentDistance(from, to) >= context.value(of: Self.minimumDistance) else { return }
        let speed = Geo.apparentSpeed(from, to)
        guard speed > context.value(of: Self.maximumSpeed) else { return }
        let distance = Geo.distance(previous.latitude, previous.longitude, current.latitude, current.longitude)
        let pair = "\(previous.address)|\(current.address)"
        guard !context.isQuiet(pair) else { return }
        context.quiet(pair, for: 6 * 3_600_000)
        let risky = current.isRisky || previous.isRisky || SignInPlace.isAutomated(event.client)
        // Blame the end of the journey the identity does not know: returning to the office
        // after an attacker's sign-in does not make the office the attacker's.
        let blamesPrevious = context.identity.knowsAddress(current.address) && !context.identity.knowsAddress(previous.address)
        let minutes = Int((Double(current.time - previous.time) / 60_000).rounded())
        var details = SignInPlace.details(event)
        details["previous_address"] = previous.address.description
        details["previous_country"] = previous.countryCode ?? "?"
        details["distance_km"] = String(Int(distance.rounded()))
        details["speed_kmh"] = String(Int(speed.rounded()))
        context.raise(
            Finding(
                key: "\(previous.record)|\(event.id)",
                summary: "Signed in from \(SignInPlace.describe(event)) \(minutes) min after \(previous.address) (\(previous.countryCode ?? "?")), \(Int(distance.rounded())) km away: \(Int(speed.rounded())) km/h",
                evidence: [previous.record, event.id], severity: risky ? .high : .medium, details: details,
                ip: blamesPrevious ? previous.address : current.address, sessions: blamesPrevious ? [] : nil))
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("the office, then a US hosting provider 40 minutes later", .raises(.high)) { timeline in
                timeline.at(day: 1, "09:00")
                timeline.signIn(megan, from: .officeGB)
                timeline.advance(minutes: 40)
                timeline.signIn(megan, from: .hostingUS)
            },
            DetectorExample("back at the office after the attacker's sign-in abroad", .raises(.high)) { timeline in
                timeline.habits(megan, from: .officeGB, days: 8)
                timeline.at(day: 9, "10:00")
                timeline.signIn(megan, from: .hostingUS)
                timeline.advance(minutes: 15)
                timeline.signIn(megan, from: .officeGB)
            },
            DetectorExample("home in England, then US broadband an hour later", .raises(.medium)) { timeline in
                timeline.at(day: 1, "09:00")
                timeline.signIn(megan, from: .homeGB)
                timeline.advance(minutes: 60)
                timeline.signIn(megan, from: .broadbandUS)
            },
            DetectorExample("a flight to Germany: home at 07:00, the hotel at 14:00", .silent) { timeline in
                timeline.at(day: 1, "07:00")
                timeline.signIn(megan, from: .homeGB)
                timeline.at(day: 1, "14:00")
                timeline.signIn(megan, from: .hotelDE)
            },
            DetectorExample("switching between home broadband and the corporate security edge", .silent) { timeline in
                timeline.at(day: 1, "09:00")
                timeline.signIn(megan, from: .homeGB)
                timeline.advance(minutes: 5)
                timeline.signIn(megan, from: .vpnUS)
                timeline.advance(minutes: 5)
                timeline.signIn(megan, from: .homeGB)
            },
            DetectorExample("office and phone in the same country", .silent) { timeline in
                timeline.at(day: 1, "09:00")
                timeline.signIn(megan, from: .officeGB)
                timeline.advance(minutes: 2)
                timeline.signIn(megan, from: .mobileGB)
            },
        ]
    }
}
