import BreakwaterModel

/// How sign-in detectors describe and judge where a sign-in came from.
enum SignInPlace {
    /// `45.148.10.77 (PPTECHNOLOGY, AS48090, NL)`.
    static func describe(_ event: Event) -> String {
        let address = event.sourceIP.map(String.init(describing:)) ?? "an unknown address"
        guard let network = event.network else { return address }
        var parts: [String] = []
        if let name = network.asName { parts.append(name) }
        if let asn = network.asn { parts.append("AS\(asn)") }
        if let city = network.city { parts.append(city) }
        if let country = network.countryCode { parts.append(country) }
        return parts.isEmpty ? address : "\(address) (\(parts.joined(separator: ", ")))"
    }

    /// Facts about the place for an alert's details.
    static func details(_ event: Event) -> [String: String] {
        var details: [String: String] = [:]
        if let network = event.network {
            if let country = network.countryCode { details["country"] = country }
            if let asn = network.asn { details["asn"] = String(asn) }
            if let name = network.asName { details["network"] = name }
            if network.isHostingProvider { details["hosting"] = "true" }
            if network.isAnonymousProxy { details["anonymous"] = "true" }
        }
        if let client = event.client {
            details["client"] = client.fingerprint
            if let tool = client.attackTool { details["tool"] = tool }
        }
        return details
    }

    /// Whether the address says nothing about where the user is: trusted egress, a security
    /// service edge, Microsoft's own servers, or no public address at all.
    static func isEgress(_ network: NetworkFacts?) -> Bool {
        guard let network else { return true }
        return !network.locatesUser || network.isTrusted || network.isCorporateProxy
    }

    /// Whether the identity has never signed in from this address's country, or its network.
    static func isNew(_ event: Event, to identity: IdentityState) -> (country: Bool, network: Bool) {
        let country = event.network?.countryCode.map { !identity.countries.contains($0) } ?? false
        let network = event.network?.asn.map { !identity.networks.contains($0) } ?? false
        return (country, network)
    }

    /// Whether the client is a script or a known attack tool rather than a person's software.
    static func isAutomated(_ client: ClientFacts?) -> Bool {
        client?.attackTool != nil || client?.kind == .script
    }
}
