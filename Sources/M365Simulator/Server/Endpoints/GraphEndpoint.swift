import BreakwaterModel
import Foundation

/// Microsoft Graph under `/v1.0/…` and `/beta/…` (contract §5): sign-in logs, users, inbox
/// rules, MFA registration and the remediation calls. The tenant is the token's `tid`.
struct GraphEndpoint: Sendable {
    let authority: AccessTokenAuthority
    let clock: SimulatedClock
    let tenants: [String: HostedTenant]

    /// What one Graph call works with.
    struct Call: Sendable {
        let request: SimulatorRequest
        let tenant: HostedTenant
        let claims: AccessTokenAuthority.Claims
        /// `v1.0` or `beta`.
        let version: String
        let now: Int64

        /// The collection's base URL for `@odata` links (`http://…/v1.0`).
        var root: String { "\(request.baseURL)/\(version)" }
    }

    func respond(to request: SimulatorRequest, version: String, path: ArraySlice<String>) async -> Handled {
        let now = clock.now.millisecondsSince1970
        var handled = Handled(reply: Reply(status: 404), service: .graph)
        let claims: AccessTokenAuthority.Claims
        switch authority.verify(authorization: request.header("authorization"), resource: .graph, now: now) {
        case .success(let verified):
            claims = verified
        case .failure(let problem):
            let message =
                switch problem {
                case .missing: "Access token is empty."
                case .expired: "Access token has expired or is not yet valid."
                case .wrongAudience: "Access token validation failure. Invalid audience."
                case .malformed, .badSignature: "Access token validation failure."
                }
            handled.reply = Self.error(401, "InvalidAuthenticationToken", message, request: request, now: now)
            return handled
        }
        guard let tenant = tenants[claims.tid] else {
            handled.reply = Self.error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid tenant.", request: request, now: now)
            return handled
        }
        handled.tenant = tenant
        let attempt = await tenant.state.nextAttempt(of: request.faultKey)
        let faults = FaultDecision(tenant.configuration.faults, dice: tenant.dice, key: request.faultKey, attempt: attempt)
        handled.faults = faults
        if faults.throttle != nil {
            handled.reply = Self.throttled(retryAfter: 1.5 / clock.speed, request: request, now: now)
            return handled
        }
        if faults.serverError {
            handled.reply = Self.error(
                503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry.", request: request, now: now,
                headers: [("Retry-After", "1")])
            return handled
        }

        let call = Call(request: request, tenant: tenant, claims: claims, version: version, now: now)
        let lowered = path.map { $0.lowercased() }
        switch (request.method, lowered) {
        case ("GET", ["auditlogs", "signins"]):
            handled.reply = await signIns(call)
        case ("GET", ["reports", "authenticationmethods", "userregistrationdetails"]):
            handled.reply = await registrationDetails(call)
        case ("GET", ["users"]):
            handled.reply = await users(call)
        case (let method, let parts) where parts.count >= 2 && parts[0] == "users":
            let userKey = path[path.startIndex + 1]
            let rest = Array(lowered.dropFirst(2))
            switch (method, rest) {
            case ("GET", []):
                handled.reply = await user(call, userKey)
            case ("PATCH", []):
                handled.reply = await updateUser(call, userKey)
            case ("POST", ["revokesigninsessions"]):
                handled.reply = await revokeSessions(call, userKey)
            case ("GET", ["mailfolders", "inbox", "messagerules"]):
                handled.reply = await messageRules(call, userKey)
            case ("GET", let parts) where parts.count == 4 && Array(parts.prefix(3)) == ["mailfolders", "inbox", "messagerules"]:
                handled.reply = await messageRule(call, userKey, ruleID: path[path.startIndex + 5])
            case ("DELETE", let parts) where parts.count == 4 && Array(parts.prefix(3)) == ["mailfolders", "inbox", "messagerules"]:
                handled.reply = await deleteMessageRule(call, userKey, ruleID: path[path.startIndex + 5])
            default:
                handled.reply = Self.unknownSegment(path, request: request, now: now)
            }
        default:
            handled.reply = Self.unknownSegment(path, request: request, now: now)
        }
        return handled
    }

    // MARK: Shared checks

    /// 403 unless the token carries one of `roles`.
    static func require(_ roles: Set<String>, _ call: Call) -> Reply? {
        guard roles.isDisjoint(with: call.claims.roles) else { return nil }
        return error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", request: call.request, now: call.now)
    }

    /// The identity-and-access reports limit: `reportsRequestsPerTenSeconds` per tenant.
    static func admitReportsRequest(_ call: Call, clock: SimulatedClock) async -> Reply? {
        guard let limit = call.tenant.configuration.reportsRequestsPerTenSeconds else { return nil }
        guard let wait = await call.tenant.state.admitReportsRequest(at: call.now, limit: limit) else { return nil }
        return throttled(retryAfter: Double(wait) / 1000 / clock.speed, request: call.request, now: call.now)
    }

    /// `$top` within `1...maximum`, or `fallback` when absent.
    static func pageSize(_ call: Call, fallback: Int, maximum: Int) -> Result<Int, Reply> {
        guard let text = call.request.parameter("$top") else { return .success(fallback) }
        guard let size = Int(text), (1...maximum).contains(size) else {
            return .failure(
                error(400, "BadRequest", "Invalid page size specified: '\(text)'. Must be between 1 and \(maximum) inclusive.", request: call.request, now: call.now))
        }
        return .success(size)
    }

    /// The `$filter`, if any, restricted to `properties`.
    static func filter(_ call: Call, properties: [String]) -> Result<GraphFilter?, Reply> {
        guard let text = call.request.parameter("$filter") else { return .success(nil) }
        do {
            return .success(try GraphFilter(text, properties: properties))
        } catch {
            return .failure(Self.error(400, "BadRequest", error.message, request: call.request, now: call.now))
        }
    }

    /// The URL of the next page: the request's own query with `$skiptoken` replaced.
    static func nextLink(_ call: Call, skipToken: String) -> String {
        var items = call.request.query.filter { $0.name.lowercased() != "$skiptoken" }.map { URLQueryItem(name: $0.name, value: $0.value) }
        items.append(URLQueryItem(name: "$skiptoken", value: skipToken))
        var components = URLComponents()
        components.queryItems = items
        return call.request.baseURL + call.request.path + "?" + (components.percentEncodedQuery ?? "")
    }

    /// `{"@odata.context":…,"value":[…],"@odata.nextLink":…}` around already encoded elements.
    static func collection(context: String, elements: [[UInt8]], nextLink: String?) -> Reply {
        var body = Array("{\"@odata.context\":".utf8) + Array(JSONValue.string(context).jsonText.utf8) + Array(",\"value\":".utf8)
        body += Reply.jsonArray(elements).body
        if let nextLink { body += Array(",\"@odata.nextLink\":".utf8) + Array(JSONValue.string(nextLink).jsonText.utf8) }
        body.append(UInt8(ascii: "}"))
        return .json(200, body)
    }

    /// A skip token that hides its content, as Graph's do.
    static func encodeSkipToken(_ text: String) -> String {
        Data(("RFNwd" + text).utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// The offset a `$skiptoken` of this endpoint points at: `0` without one, `nil` (a bad
    /// request) for a token it did not issue or an offset past `count`.
    static func offset(_ call: Call, count: Int) -> Int? {
        guard let token = call.request.parameter("$skiptoken") else { return 0 }
        guard let text = decodeSkipToken(token), !text.isEmpty, text.count < 10, text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let offset = Int(text), offset <= count
        else { return nil }
        return offset
    }

    /// The page of `rows` that `call` asks for (`$skiptoken`, at most `top`), as a Graph
    /// collection with a next link while rows remain.
    static func page(of rows: [[UInt8]], top: Int, _ call: Call, context: String) -> Reply {
        guard let offset = offset(call, count: rows.count) else {
            return error(400, "BadRequest", "Invalid $skiptoken.", request: call.request, now: call.now)
        }
        let end = min(rows.count, offset + top)
        let next = end < rows.count ? nextLink(call, skipToken: encodeSkipToken(String(end))) : nil
        return collection(context: context, elements: Array(rows[offset..<end]), nextLink: next)
    }

    static func decodeSkipToken(_ token: String) -> String? {
        let padded = token + String(repeating: "=", count: (4 - token.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let text = String(data: data, encoding: .utf8), text.hasPrefix("RFNwd") else { return nil }
        return String(text.dropFirst(5))
    }

    // MARK: Errors

    /// A Graph error body (contract §5.7).
    static func error(
        _ status: Int, _ code: String, _ message: String, request: SimulatorRequest, now: Int64, headers: [(name: String, value: String)] = []
    ) -> Reply {
        var inner: [JSONValue.Member] = [
            .init(key: "date", value: .string(TimeText.auditLog(now))), .init(key: "request-id", value: .string(UUID().uuidString.lowercased())),
        ]
        if let clientRequest = request.header("client-request-id") { inner.append(.init(key: "client-request-id", value: .string(clientRequest))) }
        return .json(
            status, ["error": ["code": .string(code), "message": .string(message), "innerError": .object(inner)]],
            headers: [("request-id", UUID().uuidString.lowercased())] + headers)
    }

    /// 429 with a decimal `Retry-After` in (real) seconds.
    static func throttled(retryAfter seconds: Double, request: SimulatorRequest, now: Int64) -> Reply {
        let text = String(format: "%.3f", max(0.001, seconds))
        return .json(
            429,
            [
                "error": [
                    "code": "TooManyRequests", "message": "Please retry again later.",
                    "innerError": ["code": "429", "status": "429", "date": .string(TimeText.auditLog(now)), "request-id": .string(UUID().uuidString.lowercased())],
                ]
            ], headers: [("Retry-After", text)])
    }

    static func unknownSegment(_ path: ArraySlice<String>, request: SimulatorRequest, now: Int64) -> Reply {
        error(400, "BadRequest", "Resource not found for the segment '\(path.last ?? "")'.", request: request, now: now)
    }

    static func userNotFound(_ user: String, _ call: Call) -> Reply {
        error(
            404, "Request_ResourceNotFound", "Resource '\(user)' does not exist or one of its queried reference-property objects are not present.",
            request: call.request, now: call.now)
    }
}
