public import BreakwaterModel
import Foundation

/// How detection is tuned for one tenant: what is the tenant's own, what is trusted, and
/// which detectors run with which thresholds.
///
/// Kept as data (a YAML file offline, the store online), never as code: built-in detectors
/// are tuned by overrides, never forked.
public struct TenantConfiguration: Sendable, Hashable, Codable {
    /// The tenant's own mail domains (`contoso.com`); mail, sharing and forwarding outside
    /// them is external.
    public var domains: Set<String>
    /// Countries (ISO alpha-2) sign-ins may come from; empty allows any.
    public var allowedCountries: Set<String>
    /// Networks whose sign-ins are trusted: office egress, the corporate VPN.
    public var trustedNetworks: [IPNetwork]
    /// How long each identity's habits are learned before departures from them raise
    /// location alerts.
    public var learningPeriodDays: Int
    /// Which source of sign-ins to use when both are read: `auto` uses Graph sign-ins for a
    /// tenant that has them and the audit log's otherwise.
    public var signInSource: SignInSource
    /// Per-detector settings.
    public var detectors: [DetectorID: DetectorSettings]
    /// Findings not to raise.
    public var suppressions: [Suppression]

    public init(
        domains: Set<String> = [], allowedCountries: Set<String> = [], trustedNetworks: [IPNetwork] = [], learningPeriodDays: Int = 7,
        signInSource: SignInSource = .auto, detectors: [DetectorID: DetectorSettings] = [:], suppressions: [Suppression] = []
    ) {
        self.domains = domains
        self.allowedCountries = allowedCountries
        self.trustedNetworks = trustedNetworks
        self.learningPeriodDays = learningPeriodDays
        self.signInSource = signInSource
        self.detectors = detectors
        self.suppressions = suppressions
    }

    /// Whether `address` is in a trusted network.
    public func trusts(_ address: IPAddress) -> Bool {
        trustedNetworks.contains { $0.contains(address) }
    }

    /// Whether `address` (an e-mail address or a bare domain) belongs to the tenant. With no
    /// domains configured, nothing is known to be external.
    public func isInternal(_ address: String) -> Bool {
        guard !domains.isEmpty else { return true }
        let domain = address.split(separator: "@").last.map { String($0).identityLowercased } ?? address.identityLowercased
        let bare = domain.hasPrefix("smtp:") ? String(domain.dropFirst(5)) : domain
        return domains.contains { bare == $0 || bare.hasSuffix("." + $0) }
    }
}

/// Which sign-in log detection reads.
public enum SignInSource: String, Sendable, Hashable, Codable {
    /// Graph sign-ins when the tenant has them, else the audit log's.
    case auto
    /// Microsoft Graph `/auditLogs/signIns` (Entra ID P1/P2).
    case graph
    /// The unified audit log's `UserLoggedIn`/`UserLoginFailed` records.
    case auditLog = "audit-log"
}

/// One detector's settings for a tenant.
public struct DetectorSettings: Sendable, Hashable, Codable {
    public var enabled: Bool
    /// Replaces the detector's default severity.
    public var severity: Severity?
    /// Replaces named thresholds.
    public var thresholds: [String: Double]

    public init(enabled: Bool = true, severity: Severity? = nil, thresholds: [String: Double] = [:]) {
        self.enabled = enabled
        self.severity = severity
        self.thresholds = thresholds
    }
}

/// A finding not to raise: a detector (or a whole category) for a user, an address or a
/// destination, with a reason and an expiry.
public struct Suppression: Sendable, Hashable, Codable {
    /// A detector id or a category name.
    public var detector: String
    public var user: String?
    public var network: IPNetwork?
    /// A destination the alert may name without being raised: a mail address, a domain (which
    /// also covers its subdomains) or an application. Every destination the alert names must be
    /// covered; an alert that also names another is still raised.
    public var destination: String?
    public var reason: String
    public var expires: Timestamp?

    public init(detector: String, user: String? = nil, network: IPNetwork? = nil, destination: String? = nil, reason: String, expires: Timestamp? = nil) {
        self.detector = detector
        self.user = user
        self.network = network
        self.destination = destination
        self.reason = reason
        self.expires = expires
    }

    /// Whether this suppression silences `alert`.
    public func matches(_ alert: Alert) -> Bool {
        guard detector == alert.detector.rawValue || detector == alert.category.rawValue else { return false }
        if let expires, alert.time >= expires { return false }
        if let user, user.identityLowercased != alert.user { return false }
        if let network {
            guard let ip = alert.ip, network.contains(ip) else { return false }
        }
        if let destination {
            let named = [alert.details["destination"], alert.details["application"]].compactMap { $0 }
                .flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !named.isEmpty, named.allSatisfy({ Self.covers(destination, $0) }) else { return false }
        }
        return true
    }

    /// Whether the suppressed destination `allowed` covers `named`: the same address or
    /// application, or an address in the domain `allowed` or one of its subdomains.
    static func covers(_ allowed: String, _ named: String) -> Bool {
        let allowed = allowed.identityLowercased
        var named = named.identityLowercased
        if named.hasPrefix("smtp:") { named.removeFirst(5) }
        if named == allowed { return true }
        guard !allowed.contains("@"), let at = named.lastIndex(of: "@") else { return false }
        let domain = named[named.index(after: at)...]
        return domain == allowed || domain.hasSuffix("." + allowed)
    }
}

extension IPNetwork: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let network = IPNetwork(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an address or CIDR range"))
        }
        self = network
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
