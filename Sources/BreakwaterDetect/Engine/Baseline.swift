import BreakwaterModel

/// How an identity learns its habits from its own activity, after the detectors have
/// judged each event — so that nothing an attacker does becomes "normal".
enum Baseline {
    /// How long an identity stays under suspicion after an alert that suggests compromise.
    static let suspicionSpan: Int64 = 7 * 86_400_000

    /// Updates the identity and tenant state in `context` with what `event` shows, given the
    /// alerts it raised.
    static func learn(from event: Event, alerts: [Alert], in context: inout DetectionContext) {
        let time = context.now
        for alert in alerts where suggestsCompromise(alert) {
            var suspicion = context.identity.suspicion ?? Suspicion(until: time)
            suspicion.until = max(suspicion.until, time + suspicionSpan)
            if let address = alert.ip, event.network?.isTrusted != true { suspicion.addresses.insert(address) }
            suspicion.sessions.formUnion(alert.sessions)
            suspicion.alerts.append(alert.id)
            context.identity.suspicion = suspicion
        }
        let suspected = context.isSuspected(event)
        context.identity.lastSeen = max(context.identity.lastSeen, time)

        guard event.kind == .signInSucceeded else {
            if event.kind == .inboxRuleCreated, !suspected, alerts.allSatisfy({ $0.severity < .medium }),
                let folder = InboxRuleDefinition(event).moveToFolder
            {
                context.identity.ruleFolders.insert(folder.identityLowercased, at: time)
            }
            return
        }
        if let address = event.sourceIP {
            context.tenant.successfulSources[address] = time
        }
        guard let network = event.network, network.locatesUser else { return }
        if let session = event.sessions.entraSessionID, let address = event.sourceIP, !network.isCorporateProxy, !network.isTrusted {
            context.tenant.sessions[session] = SessionSighting(
                user: context.user, time: time, address: address, countryCode: network.countryCode, asn: network.asn,
                latitude: network.latitude, longitude: network.longitude, isPrecise: network.precision == .city, record: event.id)
        }
        if let point = SignInPoint(event, network: network) {
            context.identity.lastSignIn = point
        }
        // Learn places only from sign-ins nothing is suspected of; during the learning period
        // everything is learned, so that a first week's habits (a backup job's hosting
        // provider included) become the baseline.
        let learning = !context.hasLearned
        guard learning || (!suspected && alerts.allSatisfy { $0.severity < .medium }) else { return }
        if let address = event.sourceIP {
            context.identity.addresses.insert(address, at: time)
            context.identity.prefixes.insert(IdentityState.prefix(of: address), at: time)
        }
        if let country = network.countryCode {
            context.identity.countries.insert(country, at: time)
            context.tenant.countries.insert(country, at: time)
        }
        if let asn = network.asn {
            context.identity.networks.insert(asn, at: time)
            context.tenant.noteNetwork(asn, user: context.user)
        }
        if let client = event.client {
            context.identity.clients.insert(client.fingerprint, at: time)
        }
        context.identity.signIns += 1
    }

    /// Whether an alert suggests that someone else holds the account: its address and
    /// sessions are then suspected for a while.
    static func suggestsCompromise(_ alert: Alert) -> Bool {
        alert.severity >= .high || (alert.severity >= .medium && alert.stage == .initialAccess)
    }
}

extension SignInPoint {
    /// The sign-in's place, when its coordinates are known and it says where the user is
    /// (not a trusted egress, a Microsoft service or a security service edge).
    init?(_ event: Event, network: NetworkFacts) {
        guard let address = event.sourceIP, let latitude = network.latitude, let longitude = network.longitude,
            !network.isTrusted, !network.isCorporateProxy, !network.isMicrosoft
        else { return nil }
        self.init(
            time: event.time.millisecondsSince1970, address: address, countryCode: network.countryCode, latitude: latitude,
            longitude: longitude, isPrecise: network.precision == .city, isRisky: network.isHostingProvider || network.isAnonymousProxy,
            record: event.id)
    }
}
