/// What kind of behaviour an alert reports: Breakwater's public vocabulary, used in
/// configuration, filters, notifications and the JSON output. Names never change.
public struct AlertCategory: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: AlertCategory, rhs: AlertCategory) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let signInUnfamiliarLocation = AlertCategory(rawValue: "sign_in_unfamiliar_location")
    public static let signInOutsideAllowedCountries = AlertCategory(rawValue: "sign_in_outside_allowed_countries")
    public static let signInAnonymousProxy = AlertCategory(rawValue: "sign_in_anonymous_proxy")
    public static let impossibleTravel = AlertCategory(rawValue: "impossible_travel")
    public static let bruteForce = AlertCategory(rawValue: "brute_force")
    public static let passwordSpray = AlertCategory(rawValue: "password_spray")
    public static let mfaFatigue = AlertCategory(rawValue: "mfa_fatigue")
    public static let tokenReplay = AlertCategory(rawValue: "token_replay")
    public static let legacyAuth = AlertCategory(rawValue: "legacy_auth")
    public static let inboxRuleSuspicious = AlertCategory(rawValue: "inbox_rule_suspicious")
    public static let mailboxForwardingExternal = AlertCategory(rawValue: "mailbox_forwarding_external")
    public static let transportRuleRedirect = AlertCategory(rawValue: "transport_rule_redirect")
    public static let mailboxPermissionGrant = AlertCategory(rawValue: "mailbox_permission_grant")
    public static let auditTampering = AlertCategory(rawValue: "audit_tampering")
    public static let massDownload = AlertCategory(rawValue: "mass_download")
    public static let massDelete = AlertCategory(rawValue: "mass_delete")
    public static let externalSharing = AlertCategory(rawValue: "external_sharing")
    public static let anonymousLink = AlertCategory(rawValue: "anonymous_link")
    public static let teamsJoinBurst = AlertCategory(rawValue: "teams_join_burst")
    public static let teamsExternalGuest = AlertCategory(rawValue: "teams_external_guest")
    public static let oauthConsent = AlertCategory(rawValue: "oauth_consent")
    public static let mfaMethodChange = AlertCategory(rawValue: "mfa_method_change")
    public static let mfaDisabled = AlertCategory(rawValue: "mfa_disabled")
    public static let roleAssignment = AlertCategory(rawValue: "role_assignment")
    public static let dormantAccount = AlertCategory(rawValue: "dormant_account")
    public static let suspiciousSend = AlertCategory(rawValue: "suspicious_send")
}
