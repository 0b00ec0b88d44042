import BreakwaterModel
import Foundation

/// The Office 365 Management Activity API (contract §2) under
/// `/api/v1.0/{tenant}/activity/feed/…` (and `/api/v1/…`, where next-page URLs point).
struct ManagementActivityEndpoint: Sendable {
    let authority: AccessTokenAuthority
    let clock: SimulatedClock
    let tenants: [String: HostedTenant]

    /// Answers a request whose path follows `/api/{version}/`.
    func respond(to request: SimulatorRequest, path: ArraySlice<String>) async -> Handled {
        let now = clock.now.millisecondsSince1970
        let publisher = request.parameter("PublisherIdentifier")
        var handled = Handled(reply: Self.notFound(request), service: .managementActivity, publisherIdentifier: publisher)
        guard path.count >= 3, path.dropFirst().prefix(2).map({ $0.lowercased() }) == ["activity", "feed"] else { return handled }
        let tenantText = path[path.startIndex].lowercased()
        guard TenantID(tenantText) != nil else {
            handled.reply = Self.error(400, "AF20013", "The tenant ID passed in the URL (\(tenantText)) is not a valid GUID.")
            return handled
        }
        handled.tenant = tenants[tenantText]
        let claims: AccessTokenAuthority.Claims
        switch authority.verify(authorization: request.header("authorization"), resource: .managementActivity, now: now) {
        case .success(let verified):
            claims = verified
        case .failure:
            handled.reply = .json(
                401, ["Message": "Authorization has been denied for this request."],
                headers: [("WWW-Authenticate", #"Bearer realm="", error="invalid_token""#)])
            return handled
        }
        guard claims.tid == tenantText else {
            handled.reply = Self.error(
                403, "AF20010", "The tenant ID in the URL (\(tenantText)) does not match the tenant ID in the token (\(claims.tid)).")
            return handled
        }
        guard let tenant = handled.tenant else {
            handled.reply = Self.error(400, "AF20011", "Tenant \(tenantText) does not exist.")
            return handled
        }
        guard claims.roles.contains("ActivityFeed.Read") else {
            handled.reply = Self.error(
                401, "AF10001", "The permission set (\(claims.roles.joined(separator: " "))) sent in the request does not include the expected permission.")
            return handled
        }

        let operation = Array(path.dropFirst(3))
        let method = Self.methodName(operation)
        let attempt = await tenant.state.nextAttempt(of: request.faultKey)
        let faults = FaultDecision(tenant.configuration.faults, dice: tenant.dice, key: request.faultKey, attempt: attempt)
        handled.faults = faults
        let count = await tenant.state.countManagementRequest(at: now)
        guard tenant.configuration.auditLoggingEnabled else {
            handled.reply = auditDisabled(tenant, method: method, operation: operation, request: request, publisher: publisher)
            return handled
        }
        if count > tenant.configuration.requestsPerMinute || faults.throttle != nil {
            let status = faults.throttle ?? faults.capStatus
            handled.reply = Self.error(
                status.code, "AF429",
                "Too many requests. Method=\(method), PublisherId=\(publisher ?? "00000000-0000-0000-0000-000000000000")")
            return handled
        }
        if faults.serverError {
            handled.reply = Self.error(500, "AF50000", "An internal error occurred. Retry the request.")
            return handled
        }

        switch (request.method, operation.map { $0.lowercased() }) {
        case ("POST", ["subscriptions", "start"]):
            handled.reply = await start(request, tenant: tenant, now: now)
        case ("POST", ["subscriptions", "stop"]):
            handled.reply = await stop(request, tenant: tenant, now: now)
        case ("GET", ["subscriptions", "list"]):
            handled.reply = await list(tenant)
        case ("GET", ["subscriptions", "content"]):
            handled.reply = await content(request, tenant: tenant, now: now)
        case ("GET", let parts) where parts.count == 2 && parts[0] == "audit":
            handled.reply = blob(operation[1], request: request, tenant: tenant, now: now)
        case (_, ["subscriptions", "start"]), (_, ["subscriptions", "stop"]), (_, ["subscriptions", "list"]), (_, ["subscriptions", "content"]):
            handled.reply = .json(405, ["Message": .string("The requested resource does not support http method '\(request.method)'.")])
        default:
            break
        }
        return handled
    }

    // MARK: Subscriptions

    private func contentType(_ request: SimulatorRequest) -> Result<ManagementContentType, Reply> {
        guard let text = request.parameter("contentType") else {
            return .failure(Self.error(400, "AF20001", "Missing parameter: contentType."))
        }
        guard let contentType = ManagementContentType.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            return .failure(Self.error(400, "AF20020", "The specified content type is not valid: \(text)."))
        }
        return .success(contentType)
    }

    private func start(_ request: SimulatorRequest, tenant: HostedTenant, now: Int64) async -> Reply {
        let contentType: ManagementContentType
        switch self.contentType(request) {
        case .success(let parsed): contentType = parsed
        case .failure(let reply): return reply
        }
        if let body = try? JSONValue(parsing: request.body), let webhook = body["webhook"], webhook != .null {
            return Self.error(400, "AF20021", "The webhook endpoint {\(webhook["address"]?.stringValue ?? "")} could not be validated. The simulator does not deliver notifications; poll /subscriptions/content.")
        }
        switch await tenant.state.start(contentType, at: now) {
        case .started:
            return .json(200, ["contentType": .string(contentType.rawValue), "status": "enabled", "webhook": nil])
        case .alreadyEnabled:
            return Self.error(400, "AF20024", "The subscription is already enabled. No property change.")
        }
    }

    private func stop(_ request: SimulatorRequest, tenant: HostedTenant, now: Int64) async -> Reply {
        switch contentType(request) {
        case .failure(let reply):
            return reply
        case .success(let contentType):
            guard await tenant.state.stop(contentType, at: now) else {
                return Self.error(400, "AF20022", "No subscription found for the specified content type.")
            }
            return Reply(status: 200)
        }
    }

    private func list(_ tenant: HostedTenant) async -> Reply {
        let subscriptions = await tenant.state.subscriptions
        let items: [JSONValue] = ManagementContentType.allCases.compactMap { contentType in
            subscriptions[contentType].map { subscription in
                ["contentType": .string(contentType.rawValue), "status": .string(subscription.isEnabled ? "enabled" : "disabled"), "webhook": nil]
            }
        }
        return .json(200, .array(items))
    }

    // MARK: Content

    private func content(_ request: SimulatorRequest, tenant: HostedTenant, now: Int64) async -> Reply {
        let contentType: ManagementContentType
        switch self.contentType(request) {
        case .success(let parsed): contentType = parsed
        case .failure(let reply): return reply
        }
        if await tenant.state.isDisabledByAdministrator(contentType) {
            return Self.error(400, "AF20023", "The subscription was disabled by the tenant or service administrator.")
        }
        guard let subscription = await tenant.state.subscriptions[contentType], subscription.isEnabled else {
            return Self.error(400, "AF20022", "No subscription found for the specified content type.")
        }

        let window: ContentWindow
        switch ContentWindow.parse(start: request.parameter("startTime"), end: request.parameter("endTime"), now: now) {
        case .success(let parsed): window = parsed
        case .failure(let problem): return Self.error(400, problem.code, problem.message)
        }
        var offset = 0
        if let token = request.parameter("nextPage") {
            guard let parsed = window.offset(ofNextPage: token) else {
                return Self.error(400, "AF20031", "Invalid nextPage Input: \(token).")
            }
            offset = parsed
        }

        var items: [ContentBlob] = []
        for blob in tenant.content.blobs[contentType] ?? [] where window.contains(blob.created) && blob.created <= now {
            if subscription.gaps.contains(where: { blob.created >= $0.from && blob.created < ($0.to ?? .max) }) { continue }
            items.append(blob)
            if blob.isListedTwice { items.append(blob) }
        }
        guard offset <= items.count else { return Self.error(400, "AF20031", "Invalid nextPage Input: \(request.parameter("nextPage") ?? "").") }
        let pageSize = max(1, tenant.configuration.delivery.contentPageSize)
        let page = items[offset..<min(items.count, offset + pageSize)]
        let feed = "\(request.baseURL)/api/v1.0/\(tenant.id)/activity/feed"
        let body: [JSONValue] = page.map { blob in
            [
                "contentType": .string(contentType.rawValue), "contentId": .string(blob.contentID),
                "contentUri": .string("\(feed)/audit/\(blob.contentID)"), "contentCreated": .string(ContentTime.text(blob.created)),
                "contentExpiration": .string(ContentTime.text(blob.expiration)),
            ]
        }
        var headers: [(name: String, value: String)] = []
        if offset + pageSize < items.count {
            var components = URLComponents()
            components.queryItems = [
                URLQueryItem(name: "contentType", value: contentType.rawValue), URLQueryItem(name: "startTime", value: window.startText),
                URLQueryItem(name: "endTime", value: window.endText), URLQueryItem(name: "nextPage", value: window.nextPageToken(offset: offset + pageSize)),
            ]
            headers.append(("NextPageUri", "\(request.baseURL)/api/v1/\(tenant.id)/activity/feed/subscriptions/content?\(components.percentEncodedQuery ?? "")"))
        }
        return .json(200, .array(body), headers: headers)
    }

    private func blob(_ contentID: String, request: SimulatorRequest, tenant: HostedTenant, now: Int64) -> Reply {
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_.-")
        guard contentID.contains("$"), contentID.allSatisfy(allowed.contains) else {
            return Self.error(400, "AF20052", "The content ID \(contentID) in the request is invalid.")
        }
        guard let blob = tenant.content.blob(contentID), blob.created <= now else {
            return Self.error(404, "AF20050", "The specified content (\(contentID)) doesn't exist.")
        }
        guard now < blob.expiration else {
            return Self.error(
                400, "AF20051", "Content requested with the key \(contentID) has already expired. Content older than 7 days cannot be retrieved.")
        }
        return .jsonArray(blob.records.map { tenant.content.records[Int($0)] })
    }

    // MARK: Errors

    /// What a tenant without unified audit logging answers: not an AF code but the service's
    /// exception, stack trace and all (contract §2.8).
    private func auditDisabled(
        _ tenant: HostedTenant, method: String, operation: [String], request: SimulatorRequest, publisher: String?
    ) -> Reply {
        let correlation = UUID().uuidString.lowercased()
        let contentType = request.parameter("contentType") ?? ""
        let code =
            "\(method) [CorrId=\(correlation)][TenantId=\(tenant.id),ContentType=\(contentType),ApplicationId=\(tenant.configuration.application.clientID),PublisherId=\(publisher ?? tenant.id)][AppId"
        let message =
            "] failed. Exception: Microsoft.Office.Compliance.Audit.DataServiceException: Tenant \(tenant.id) does not exist.\r\n   at Microsoft.Office.Compliance.Audit.API.AuditApiDataService.GetTenantInfo(Guid tenantId)\r\n   at Microsoft.Office.Compliance.Audit.API.\(method)Controller.Execute()"
        return Self.error(400, code, message)
    }

    /// The service's name for an operation, as AF429 messages carry it.
    private static func methodName(_ operation: [String]) -> String {
        switch operation.map({ $0.lowercased() }) {
        case ["subscriptions", "start"]: "StartSubscription"
        case ["subscriptions", "stop"]: "StopSubscription"
        case ["subscriptions", "list"]: "ListSubscriptions"
        case ["subscriptions", "content"]: "ListContent"
        default: "GetBlob"
        }
    }

    /// `{"error":{"code":…,"message":…}}` (contract §2.8).
    static func error(_ status: Int, _ code: String, _ message: String) -> Reply {
        .json(status, ["error": ["code": .string(code), "message": .string(message)]])
    }

    static func notFound(_ request: SimulatorRequest) -> Reply {
        .json(404, ["Message": .string("No HTTP resource was found that matches the request URI '\(request.baseURL)\(request.path)'.")])
    }
}
