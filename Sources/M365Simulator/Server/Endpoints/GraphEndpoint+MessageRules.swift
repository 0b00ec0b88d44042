import BreakwaterModel

extension GraphEndpoint {
    /// `GET /users/{id}/mailFolders/inbox/messageRules` (contract §5.2): the rules created by
    /// the simulated time of the call and not deleted since.
    func messageRules(_ call: Call, _ idOrUPN: String) async -> Reply {
        if let denied = Self.require(["MailboxSettings.Read", "MailboxSettings.ReadWrite"], call) { return denied }
        guard let user = call.tenant.content.directory.user(idOrUPN) else { return Self.mailboxNotFound(idOrUPN, call) }
        var rules: [[UInt8]] = []
        for rule in await Self.currentRules(of: user, call) {
            rules.append(Array(rule.json.jsonText.utf8))
        }
        return Self.collection(context: "\(call.root)/$metadata#users('\(user.id)')/mailFolders('inbox')/messageRules", elements: rules, nextLink: nil)
    }

    /// `GET …/messageRules/{id}`.
    func messageRule(_ call: Call, _ idOrUPN: String, ruleID: String) async -> Reply {
        if let denied = Self.require(["MailboxSettings.Read", "MailboxSettings.ReadWrite"], call) { return denied }
        guard let user = call.tenant.content.directory.user(idOrUPN) else { return Self.mailboxNotFound(idOrUPN, call) }
        guard let rule = await Self.currentRules(of: user, call).first(where: { $0.id == ruleID }) else { return Self.ruleNotFound(call) }
        return .json(200, rule.json)
    }

    /// `DELETE …/messageRules/{id}`: 204, and the rule is gone from later reads.
    func deleteMessageRule(_ call: Call, _ idOrUPN: String, ruleID: String) async -> Reply {
        if let denied = Self.require(["MailboxSettings.ReadWrite"], call) { return denied }
        guard let user = call.tenant.content.directory.user(idOrUPN) else { return Self.mailboxNotFound(idOrUPN, call) }
        guard let rule = await Self.currentRules(of: user, call).first(where: { $0.id == ruleID }) else { return Self.ruleNotFound(call) }
        await call.tenant.state.deleteRule(rule, user: user.userPrincipalName, at: call.now)
        return Reply(status: 204)
    }

    private static func currentRules(of user: SimulatedDirectory.User, _ call: Call) async -> [InboxRule] {
        var rules: [InboxRule] = []
        for rule in call.tenant.content.directory.inboxRules where rule.owner == user.id && rule.created <= call.now {
            if !(await call.tenant.state.isDeleted(rule: rule.id)) { rules.append(rule) }
        }
        return rules
    }

    private static func mailboxNotFound(_ user: String, _ call: Call) -> Reply {
        error(404, "ErrorInvalidUser", "The requested user '\(user)' is invalid.", request: call.request, now: call.now)
    }

    private static func ruleNotFound(_ call: Call) -> Reply {
        error(404, "ErrorItemNotFound", "The specified object was not found in the store.", request: call.request, now: call.now)
    }
}
