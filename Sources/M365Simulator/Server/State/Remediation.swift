public import BreakwaterModel

/// A change a client made to a tenant through Graph, as the simulator recorded it: what a
/// response engine did, for tests to check.
public struct Remediation: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// `DELETE …/mailFolders/inbox/messageRules/{id}`.
        case inboxRuleDeleted(ruleID: String, ruleName: String)
        /// `POST …/revokeSignInSessions`.
        case sessionsRevoked
        /// `PATCH /users/{id}`: the new `accountEnabled`, if set, and whether a password was
        /// set (the password itself is never kept).
        case userUpdated(accountEnabled: Bool?, passwordReset: Bool)
    }

    /// Simulated time of the call.
    public var time: Timestamp
    /// The user's UPN.
    public var userPrincipalName: String
    public var action: Action
}
