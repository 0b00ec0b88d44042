public import BreakwaterModel

/// Adds what is known about each event's source address and client, so that detectors read
/// facts instead of looking anything up.
public struct Enricher: Sendable {
    public let intelligence: IPIntelligence
    public let agents: UserAgentClassifier

    public init(intelligence: IPIntelligence, agents: UserAgentClassifier = UserAgentClassifier()) {
        self.intelligence = intelligence
        self.agents = agents
    }

    /// Fills in `event.network` and `event.client`.
    ///
    /// Microsoft's own placement of a Graph sign-in (city and coordinates) is preferred over
    /// the location database: Microsoft sees more than the address.
    public func enrich(_ event: inout Event) {
        if let address = event.sourceIP {
            var facts = intelligence.facts(for: address)
            if let reported = event.reportedLocation {
                if let country = reported.countryOrRegion { facts.countryCode = country }
                if let city = reported.city { facts.city = city }
                if let latitude = reported.latitude, let longitude = reported.longitude, latitude != 0 || longitude != 0 {
                    facts.latitude = latitude
                    facts.longitude = longitude
                    facts.precision = .city
                }
            }
            event.network = facts
        }
        if let agent = event.userAgent {
            event.client = agents.classify(agent)
        }
        if let clientApp = event.legacyClientApp {
            // Graph names the protocol of a legacy sign-in outright.
            var facts = event.client ?? ClientFacts(kind: .legacyProtocol, family: clientApp)
            facts.kind = .legacyProtocol
            facts.family = clientApp
            event.client = facts
        }
    }

    /// Enriches every event of a batch.
    public func enrich(_ events: inout [Event]) {
        for index in events.indices {
            enrich(&events[index])
        }
    }
}
