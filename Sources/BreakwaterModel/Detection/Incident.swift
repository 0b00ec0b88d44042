/// One compromised (or possibly compromised) identity: its alerts gathered into one story,
/// how risky it is and why, and where the attacker came from.
public struct Incident: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var tenant: TenantID
    /// The identity (lowercased UPN).
    public var user: String
    public var severity: Severity
    public var risk: RiskScore
    public var firstSeen: Timestamp
    public var lastSeen: Timestamp
    /// The incident's alerts, oldest first.
    public var alertIDs: [String]
    /// The attack stages its alerts cover, in order.
    public var stages: [KillChainStage]
    /// Addresses the attacker used.
    public var attackerIPs: [IPAddress]
    /// Session and token ids the attacker used (what to revoke).
    public var sessions: [String]
    /// Indicators this incident shares with incidents in other tenants.
    public var sharedIndicators: [SharedIndicator]
    /// What the attacker touched, when it has been worked out.
    public var footprint: Footprint?

    public init(
        id: String, tenant: TenantID, user: String, severity: Severity, risk: RiskScore, firstSeen: Timestamp, lastSeen: Timestamp,
        alertIDs: [String], stages: [KillChainStage], attackerIPs: [IPAddress], sessions: [String], sharedIndicators: [SharedIndicator] = [],
        footprint: Footprint? = nil
    ) {
        self.id = id
        self.tenant = tenant
        self.user = user
        self.severity = severity
        self.risk = risk
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.alertIDs = alertIDs
        self.stages = stages
        self.attackerIPs = attackerIPs
        self.sessions = sessions
        self.sharedIndicators = sharedIndicators
        self.footprint = footprint
    }
}

/// An incident's risk on a scale of 0–100, with every signal that contributed and its
/// weight, so that the number explains itself.
public struct RiskScore: Sendable, Hashable, Codable {
    public var value: Int
    public var contributions: [RiskContribution]

    public init(value: Int, contributions: [RiskContribution]) {
        self.value = value
        self.contributions = contributions
    }
}

/// One reason an incident is risky.
public struct RiskContribution: Sendable, Hashable, Codable {
    /// What was seen, for people ("token replay from a hosting provider").
    public var signal: String
    public var weight: Int

    public init(signal: String, weight: Int) {
        self.signal = signal
        self.weight = weight
    }
}

/// An attacker trait seen in more than one tenant: the same address, the same network and
/// client, the same forwarding destination, the same OAuth application.
public struct SharedIndicator: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case address
        case networkAndClient = "network-and-client"
        case forwardingDestination = "forwarding-destination"
        case oauthApplication = "oauth-application"
    }

    public var kind: Kind
    public var value: String
    /// Every tenant where it was seen.
    public var tenants: [TenantID]

    public init(kind: Kind, value: String, tenants: [TenantID]) {
        self.kind = kind
        self.value = value
        self.tenants = tenants
    }
}
