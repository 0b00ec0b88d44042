import BreakwaterModel

/// What changes in a tenant while the simulator runs: subscriptions, counters that throttling
/// and faults decide on, the request log, and the remediation clients performed.
actor TenantState {
    struct Subscription {
        var isEnabled: Bool
        /// Simulated intervals while it was stopped: content created then is lost (§2.3).
        var gaps: [(from: Int64, to: Int64?)] = []
    }

    private(set) var subscriptions: [ManagementContentType: Subscription] = [:]
    private var adminDisabled: Set<ManagementContentType>
    private(set) var requests: [RecordedRequest] = []
    private var attempts: [String: Int] = [:]
    private var managementMinutes: [Int64: Int] = [:]
    private var reportsRequests: [Int64] = []
    private(set) var remediations: [Remediation] = []
    private var deletedRules: Set<String> = []
    private var accountEnabled: [String: Bool] = [:]
    private var sessionsValidFrom: [String: Int64] = [:]

    init(adminDisabled: Set<ManagementContentType>) {
        self.adminDisabled = adminDisabled
    }

    // MARK: Requests

    /// How many times this request (method, path and query) was made before.
    func nextAttempt(of key: String) -> Int {
        let attempt = attempts[key, default: 0]
        attempts[key] = attempt + 1
        return attempt
    }

    /// Counts a Management Activity API request in its simulated minute and returns the count.
    func countManagementRequest(at time: Int64) -> Int {
        let minute = time / 60_000
        managementMinutes[minute, default: 0] += 1
        return managementMinutes[minute]!
    }

    /// Admits a Graph reports request if fewer than `limit` were admitted in the 10 simulated
    /// seconds before `time`; otherwise returns how many simulated milliseconds to wait.
    func admitReportsRequest(at time: Int64, limit: Int) -> Int64? {
        reportsRequests.removeAll { $0 <= time - 10_000 }
        guard reportsRequests.count >= limit else {
            reportsRequests.append(time)
            return nil
        }
        return max(1, reportsRequests[reportsRequests.count - limit] + 10_000 - time)
    }

    func record(_ request: RecordedRequest) {
        requests.append(request)
    }

    // MARK: Subscriptions

    enum StartOutcome {
        case started
        case alreadyEnabled
    }

    func start(_ contentType: ManagementContentType, at time: Int64) -> StartOutcome {
        adminDisabled.remove(contentType)
        if var subscription = subscriptions[contentType] {
            if subscription.isEnabled { return .alreadyEnabled }
            subscription.isEnabled = true
            if let last = subscription.gaps.indices.last { subscription.gaps[last].to = time }
            subscriptions[contentType] = subscription
        } else {
            subscriptions[contentType] = Subscription(isEnabled: true)
        }
        return .started
    }

    /// Stops a subscription; `false` when there was no enabled one.
    func stop(_ contentType: ManagementContentType, at time: Int64) -> Bool {
        guard var subscription = subscriptions[contentType], subscription.isEnabled else { return false }
        subscription.isEnabled = false
        subscription.gaps.append((time, nil))
        subscriptions[contentType] = subscription
        return true
    }

    func isDisabledByAdministrator(_ contentType: ManagementContentType) -> Bool {
        adminDisabled.contains(contentType)
    }

    // MARK: Directory changes

    func isDeleted(rule id: String) -> Bool {
        deletedRules.contains(id)
    }

    func deleteRule(_ rule: InboxRule, user: String, at time: Int64) {
        deletedRules.insert(rule.id)
        remediations.append(
            Remediation(time: .init(millisecondsSince1970: time), userPrincipalName: user, action: .inboxRuleDeleted(ruleID: rule.id, ruleName: rule.displayName)))
    }

    func revokeSessions(userID: String, user: String, at time: Int64) {
        sessionsValidFrom[userID] = time
        remediations.append(Remediation(time: .init(millisecondsSince1970: time), userPrincipalName: user, action: .sessionsRevoked))
    }

    func updateUser(userID: String, user: String, accountEnabled enabled: Bool?, passwordReset: Bool, at time: Int64) {
        if let enabled { accountEnabled[userID] = enabled }
        remediations.append(
            Remediation(time: .init(millisecondsSince1970: time), userPrincipalName: user, action: .userUpdated(accountEnabled: enabled, passwordReset: passwordReset)))
    }

    func isAccountEnabled(_ userID: String) -> Bool {
        accountEnabled[userID] ?? true
    }

    func sessionsValidFrom(_ userID: String) -> Int64? {
        sessionsValidFrom[userID]
    }

    /// Requests per simulated minute (the minute's start) for the Management Activity API.
    func managementRequestsPerMinute() -> [Int64: Int] {
        managementMinutes
    }
}
