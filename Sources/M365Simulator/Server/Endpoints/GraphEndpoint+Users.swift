import BreakwaterModel
import Foundation

extension GraphEndpoint {
    static let userProperties = ["id", "userPrincipalName", "displayName", "mail", "accountEnabled", "userType", "jobTitle", "department"]

    /// `GET /users` (contract §5.5): `$top` (≤ 999), `$filter`, `$select`, `$skiptoken`.
    func users(_ call: Call) async -> Reply {
        if let denied = Self.require(["User.Read.All", "User.ReadWrite.All", "Directory.Read.All"], call) { return denied }
        let top: Int
        switch Self.pageSize(call, fallback: 100, maximum: 999) {
        case .success(let size): top = size
        case .failure(let reply): return reply
        }
        let filter: GraphFilter?
        switch Self.filter(call, properties: Self.userProperties) {
        case .success(let parsed): filter = parsed
        case .failure(let reply): return reply
        }
        var matching: [[UInt8]] = []
        for user in call.tenant.content.directory.users {
            let json = await Self.json(of: user, call)
            if let filter, !filter.matches(FilterFields(json, paths: Self.userProperties)) { continue }
            matching.append(Array(Self.select(json, call).jsonText.utf8))
        }
        return Self.page(of: matching, top: top, call, context: "\(call.root)/$metadata#users")
    }

    /// `GET /users/{id | userPrincipalName}`.
    func user(_ call: Call, _ idOrUPN: String) async -> Reply {
        if let denied = Self.require(["User.Read.All", "User.ReadWrite.All", "Directory.Read.All"], call) { return denied }
        guard let user = call.tenant.content.directory.user(idOrUPN) else { return Self.userNotFound(idOrUPN, call) }
        var json = Self.select(await Self.json(of: user, call), call)
        if case .object(let members) = json {
            json = .object([.init(key: "@odata.context", value: .string("\(call.root)/$metadata#users/$entity"))] + members)
        }
        return .json(200, json)
    }

    /// `PATCH /users/{id}`: `accountEnabled` and `passwordProfile` (contract §5.4); 204, or
    /// 403 `Authorization_RequestDenied` when the app may not write users.
    func updateUser(_ call: Call, _ idOrUPN: String) async -> Reply {
        let denied = Self.error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", request: call.request, now: call.now)
        guard call.tenant.configuration.canWriteUsers, Self.require(["User.ReadWrite.All", "Directory.ReadWrite.All"], call) == nil else { return denied }
        guard let user = call.tenant.content.directory.user(idOrUPN) else { return Self.userNotFound(idOrUPN, call) }
        guard let body = try? JSONValue(parsing: call.request.body), case .object = body else {
            return Self.error(400, "BadRequest", "Unable to read JSON request payload.", request: call.request, now: call.now)
        }
        var enabled: Bool?
        if let value = body["accountEnabled"] {
            guard case .bool(let flag) = value else {
                return Self.error(400, "BadRequest", "Invalid value specified for property 'accountEnabled'.", request: call.request, now: call.now)
            }
            enabled = flag
        }
        let passwordReset = body["passwordProfile"]?["password"]?.stringValue?.isEmpty == false
        await call.tenant.state.updateUser(
            userID: user.id, user: user.userPrincipalName, accountEnabled: enabled, passwordReset: passwordReset, at: call.now)
        return Reply(status: 204)
    }

    /// `POST /users/{id}/revokeSignInSessions`: 200 with `value: true` (contract §5.3).
    func revokeSessions(_ call: Call, _ idOrUPN: String) async -> Reply {
        if let denied = Self.require(["User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"], call) { return denied }
        guard let user = call.tenant.content.directory.user(idOrUPN) else { return Self.userNotFound(idOrUPN, call) }
        await call.tenant.state.revokeSessions(userID: user.id, user: user.userPrincipalName, at: call.now)
        return .json(200, ["@odata.context": .string("\(call.root)/$metadata#Edm.Boolean"), "value": true])
    }

    /// The user as Graph returns it, with what remediation changed.
    static func json(of user: SimulatedDirectory.User, _ call: Call) async -> JSONValue {
        let enabled = await call.tenant.state.isAccountEnabled(user.id)
        let validFrom = await call.tenant.state.sessionsValidFrom(user.id) ?? user.created
        return [
            "id": .string(user.id), "businessPhones": [], "displayName": .string(user.displayName), "givenName": .string(user.givenName),
            "surname": .string(user.surname), "jobTitle": .string(user.jobTitle), "department": .string(user.department),
            "mail": .string(user.userPrincipalName), "userPrincipalName": .string(user.userPrincipalName), "userType": "Member",
            "accountEnabled": .bool(enabled), "createdDateTime": .string(TimeText.graph(user.created)),
            "signInSessionsValidFromDateTime": .string(TimeText.graph(validFrom)), "onPremisesSyncEnabled": nil, "usageLocation": "GB",
        ]
    }

    /// The members `$select` asks for (all when absent).
    static func select(_ json: JSONValue, _ call: Call) -> JSONValue {
        guard let selection = call.request.parameter("$select"), case .object(let members) = json else { return json }
        let wanted = Set(selection.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return .object(members.filter { wanted.contains($0.key.lowercased()) || $0.key == "id" })
    }
}
