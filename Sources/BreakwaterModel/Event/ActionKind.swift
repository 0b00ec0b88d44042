/// What an audited action did, in Breakwater's own closed vocabulary.
///
/// Detectors, search and the console reason about kinds rather than the hundreds of operation
/// names Microsoft uses (`New-InboxRule` and `UpdateInboxRules` both create inbox rules; a
/// failed sign-in may really be an MFA prompt). Anything that maps to none of them is
/// ``other``: kept, searchable, never dropped.
///
/// The raw values are stored in the archive: append new cases with new numbers, never reuse
/// or renumber one.
public enum ActionKind: Int, CaseIterable, Sendable, CustomStringConvertible {
    case other = 0
    case signInSucceeded = 1
    case signInFailed = 2
    /// The sign-in stopped to ask for a second factor (AADSTS 50074, 50076, 50079, 50072).
    case mfaChallenged = 3
    /// The second factor was denied, failed or timed out (AADSTS 500121).
    case mfaFailed = 4
    case inboxRuleCreated = 5
    case inboxRuleModified = 6
    case inboxRuleDeleted = 7
    /// `ForwardingSmtpAddress`, `ForwardingAddress` or `DeliverToMailboxAndForward` changed.
    case mailboxForwardingChanged = 8
    /// Full Access, Send As, Send on Behalf or folder permissions changed.
    case mailboxPermissionChanged = 9
    case transportRuleChanged = 10
    /// Mailbox or organisation auditing changed, or an audit bypass was set.
    case auditConfigurationChanged = 11
    case mailAccessed = 12
    case mailSent = 13
    case mailDeleted = 14
    case fileAccessed = 15
    case fileDownloaded = 16
    case fileUploaded = 17
    case fileModified = 18
    case fileDeleted = 19
    case fileRenamed = 20
    /// A file or folder was shared with people (including external users).
    case sharingGranted = 21
    /// A sharing link was created or widened (anonymous, organisation or specific people).
    case linkCreated = 22
    case teamsMembershipChanged = 23
    /// Consent to an application, or a delegated or application permission grant.
    case consentGranted = 24
    case roleChanged = 25
    /// An authentication method (security info) was registered, changed or removed.
    case mfaMethodChanged = 26
    case passwordChanged = 27
    /// A user was added, changed, enabled, disabled or deleted.
    case userChanged = 28

    /// A stable, readable name (`inbox-rule-created`) for output and filters.
    public var name: String {
        switch self {
        case .other: "other"
        case .signInSucceeded: "sign-in-succeeded"
        case .signInFailed: "sign-in-failed"
        case .mfaChallenged: "mfa-challenged"
        case .mfaFailed: "mfa-failed"
        case .inboxRuleCreated: "inbox-rule-created"
        case .inboxRuleModified: "inbox-rule-modified"
        case .inboxRuleDeleted: "inbox-rule-deleted"
        case .mailboxForwardingChanged: "mailbox-forwarding-changed"
        case .mailboxPermissionChanged: "mailbox-permission-changed"
        case .transportRuleChanged: "transport-rule-changed"
        case .auditConfigurationChanged: "audit-configuration-changed"
        case .mailAccessed: "mail-accessed"
        case .mailSent: "mail-sent"
        case .mailDeleted: "mail-deleted"
        case .fileAccessed: "file-accessed"
        case .fileDownloaded: "file-downloaded"
        case .fileUploaded: "file-uploaded"
        case .fileModified: "file-modified"
        case .fileDeleted: "file-deleted"
        case .fileRenamed: "file-renamed"
        case .sharingGranted: "sharing-granted"
        case .linkCreated: "link-created"
        case .teamsMembershipChanged: "teams-membership-changed"
        case .consentGranted: "consent-granted"
        case .roleChanged: "role-changed"
        case .mfaMethodChanged: "mfa-method-changed"
        case .passwordChanged: "password-changed"
        case .userChanged: "user-changed"
        }
    }

    /// The kind with the given ``name``.
    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }

    public var description: String { name }
}
