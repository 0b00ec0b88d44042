/// The ids that tie an action to a sign-in session and a token — how an attacker's session
/// is told apart from the owner's on the same account (contract §7.1).
public struct SessionIdentifiers: Sendable, Hashable {
    /// The Entra session: `AppAccessContext.AADSessionId`, `DeviceProperties.SessionId` on
    /// sign-in records, Graph `sessionId` (beta).
    public var entraSessionID: String?
    /// The Exchange mailbox session: `SessionId` on mailbox records.
    public var mailboxSessionID: String?
    /// The token: `AppAccessContext.UniqueTokenId`, `UniqueTokenIdentifier`, Graph
    /// `uniqueTokenIdentifier` (beta).
    public var uniqueTokenID: String?

    public init(entraSessionID: String? = nil, mailboxSessionID: String? = nil, uniqueTokenID: String? = nil) {
        self.entraSessionID = entraSessionID
        self.mailboxSessionID = mailboxSessionID
        self.uniqueTokenID = uniqueTokenID
    }

    /// Whether no id is known.
    public var isEmpty: Bool { entraSessionID == nil && mailboxSessionID == nil && uniqueTokenID == nil }
}
