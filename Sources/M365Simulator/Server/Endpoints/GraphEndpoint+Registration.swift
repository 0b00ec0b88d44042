import BreakwaterModel

extension GraphEndpoint {
    static let registrationProperties = ["id", "userPrincipalName", "userDisplayName", "userType", "isAdmin", "isMfaRegistered", "isMfaCapable"]

    /// `GET /reports/authenticationMethods/userRegistrationDetails` (contract §5.6): one entry
    /// per user, paged; `$filter` on the properties above.
    func registrationDetails(_ call: Call) async -> Reply {
        if let denied = Self.require(["AuditLog.Read.All"], call) { return denied }
        if let throttled = await Self.admitReportsRequest(call, clock: clock) { return throttled }
        let top: Int
        switch Self.pageSize(call, fallback: 1000, maximum: 1000) {
        case .success(let size): top = size
        case .failure(let reply): return reply
        }
        let filter: GraphFilter?
        switch Self.filter(call, properties: Self.registrationProperties) {
        case .success(let parsed): filter = parsed
        case .failure(let reply): return reply
        }
        let matching = call.tenant.content.directory.users.map { Self.registration(of: $0) }.filter { json in
            filter?.matches(FilterFields(json, paths: Self.registrationProperties)) ?? true
        }
        return Self.page(
            of: matching.map { Array($0.jsonText.utf8) }, top: top, call,
            context: "\(call.root)/$metadata#reports/authenticationMethods/userRegistrationDetails")
    }

    private static func registration(of user: SimulatedDirectory.User) -> JSONValue {
        let registered = !user.methodsRegistered.isEmpty
        return [
            "id": .string(user.id), "userPrincipalName": .string(user.userPrincipalName), "userDisplayName": .string(user.displayName),
            "userType": "member", "isAdmin": .bool(user.isAdmin), "isSsprRegistered": .bool(registered), "isSsprEnabled": true,
            "isSsprCapable": .bool(registered), "isMfaRegistered": .bool(registered), "isMfaCapable": .bool(registered),
            "isPasswordlessCapable": false, "isSystemPreferredAuthenticationMethodEnabled": true,
            "lastUpdatedDateTime": .string(TimeText.graph(user.created)), "methodsRegistered": .array(user.methodsRegistered.map { .string($0) }),
            "systemPreferredAuthenticationMethods": .array(registered ? ["push"] : []),
            "userPreferredMethodForSecondaryAuthentication": .string(registered ? "push" : "none"),
        ]
    }
}
