import BreakwaterModel
import Foundation

/// Microsoft Entra's token endpoint for the client-credentials grant (contract §1):
/// `POST /{tenant}/oauth2/v2.0/token` with `scope`, and the older
/// `POST /{tenant}/oauth2/token` with `resource`.
///
/// Client secrets only: a client assertion (certificate credential) is refused with
/// AADSTS700027, because the simulator cannot verify RSA signatures.
struct TokenEndpoint: Sendable {
    let authority: AccessTokenAuthority
    let clock: SimulatedClock

    enum Version {
        case v1
        case v2
    }

    func respond(to request: SimulatorRequest, tenant: HostedTenant?, tenantName: String, version: Version) -> Reply {
        let now = clock.now.millisecondsSince1970
        guard let tenant else {
            return Self.error(
                400, "invalid_request", 90002,
                "Tenant '\(tenantName)' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", now: now)
        }
        var form: [String: String] = [:]
        for (name, value) in SimulatorRequest.form(String(decoding: request.body, as: UTF8.self)) where form[name] == nil {
            form[name] = value
        }
        if let basic = request.header("authorization"), basic.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(basic.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
            let colon = decoded.firstIndex(of: ":")
        {
            form["client_id"] = form["client_id"] ?? String(decoded[..<colon]).removingPercentEncoding
            form["client_secret"] = form["client_secret"] ?? String(decoded[decoded.index(after: colon)...]).removingPercentEncoding
        }

        guard let grant = form["grant_type"] else { return Self.missing("grant_type", now: now) }
        guard grant == "client_credentials" else {
            return Self.error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '\(grant)'.", now: now)
        }
        guard let clientID = form["client_id"] else { return Self.missing("client_id", now: now) }
        let application = tenant.configuration.application
        guard clientID.lowercased() == application.clientID.lowercased() else {
            return Self.error(
                400, "unauthorized_client", 700016,
                "Application with identifier '\(clientID)' was not found in the directory '\(tenant.configuration.displayName)'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
                now: now)
        }
        if form["client_assertion"] != nil {
            return Self.error(
                401, "invalid_client", 700027,
                "Client assertion failed signature validation. The simulator does not verify certificate credentials; use the app's client secret.",
                now: now)
        }
        guard let secret = form["client_secret"] else {
            return Self.error(401, "invalid_client", 7_000_216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.", now: now)
        }
        guard secret == application.clientSecret else {
            return Self.error(
                401, "invalid_client", 7_000_215,
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '\(application.clientID)'.",
                now: now)
        }

        let resource: AccessTokenAuthority.Resource
        switch version {
        case .v2:
            guard let scope = form["scope"] else { return Self.missing("scope", now: now) }
            let scopes = scope.split(separator: " ")
            guard scopes.count == 1, scopes[0].hasSuffix("/.default"),
                let named = AccessTokenAuthority.Resource(rawValue: String(scopes[0].dropLast("/.default".count)))
            else {
                return Self.error(
                    400, "invalid_scope", 70011,
                    "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope \(scope) is not valid.",
                    now: now)
            }
            resource = named
        case .v1:
            guard let requested = form["resource"] else { return Self.missing("resource", now: now) }
            var trimmed = requested
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            guard let named = AccessTokenAuthority.Resource(rawValue: trimmed) else {
                return Self.error(
                    400, "invalid_resource", 500_011,
                    "The resource principal named \(requested) was not found in the tenant named \(tenant.configuration.displayName).", now: now)
            }
            resource = named
        }

        let lifetime = tenant.configuration.faults.tokenLifetime
        let token = authority.issue(tenant: tenant.id, application: application, resource: resource, now: now, lifetime: lifetime)
        // `expires_in` is in the client's (real) seconds: a scaled clock uses the token up faster.
        let realSeconds = max(1, Int((lifetime.milliseconds / 1000 / clock.speed).rounded(.down)))
        switch version {
        case .v2:
            return .json(
                200,
                [
                    "token_type": "Bearer", "expires_in": .number(String(realSeconds)), "ext_expires_in": .number(String(realSeconds)),
                    "access_token": .string(token),
                ])
        case .v1:
            let issued = now / 1000
            return .json(
                200,
                [
                    "token_type": "Bearer", "expires_in": .string(String(realSeconds)), "ext_expires_in": .string(String(realSeconds)),
                    "expires_on": .string(String(issued + Int64(lifetime.milliseconds / 1000))), "not_before": .string(String(issued)),
                    "resource": .string(resource.rawValue), "access_token": .string(token),
                ])
        }
    }

    private static func missing(_ parameter: String, now: Int64) -> Reply {
        error(400, "invalid_request", 900_144, "The request body must contain the following parameter: '\(parameter)'.", now: now)
    }

    /// An Entra error body (contract §1.3).
    static func error(_ status: Int, _ error: String, _ code: Int, _ message: String, now: Int64) -> Reply {
        let trace = UUID().uuidString.lowercased()
        let correlation = UUID().uuidString.lowercased()
        let stamp = TimeText.auditLog(now).replacingOccurrences(of: "T", with: " ") + "Z"
        return .json(
            status,
            [
                "error": .string(error),
                "error_description": .string("AADSTS\(code): \(message)\r\nTrace ID: \(trace)\r\nCorrelation ID: \(correlation)\r\nTimestamp: \(stamp)"),
                "error_codes": [.number(String(code))], "timestamp": .string(stamp), "trace_id": .string(trace), "correlation_id": .string(correlation),
                "error_uri": .string("https://login.microsoftonline.com/error?code=\(code)"),
            ])
    }
}
