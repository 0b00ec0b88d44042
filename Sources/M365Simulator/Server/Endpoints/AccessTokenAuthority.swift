import Crypto
import Foundation

/// Issues and checks the simulator's access tokens: JWT-shaped like Entra's (`aud`, `tid`,
/// `appid`, `roles`, `exp`, …) and signed with HMAC-SHA256 under a key that lives only as
/// long as the server, so only this server's tokens pass.
struct AccessTokenAuthority: Sendable {
    /// The two resources tokens are issued for.
    enum Resource: String, Sendable {
        case managementActivity = "https://manage.office.com"
        case graph = "https://graph.microsoft.com"

        /// The app roles that belong to the resource.
        func owns(role: String) -> Bool {
            switch self {
            case .managementActivity: role.hasPrefix("ActivityFeed.") || role == "ServiceHealth.Read"
            case .graph: !(role.hasPrefix("ActivityFeed.") || role == "ServiceHealth.Read")
            }
        }
    }

    struct Claims: Codable, Sendable {
        var aud: String
        var iss: String
        var iat: Int64
        var nbf: Int64
        var exp: Int64
        var appid: String
        var idtyp: String
        var oid: String
        var roles: [String]
        var tid: String
        var ver: String
    }

    /// Why a presented token was refused.
    enum Problem: Error {
        case missing
        case malformed
        case badSignature
        case expired
        case wrongAudience
    }

    private let key = SymmetricKey(size: .bits256)

    /// A token for `application` in `tenant`, valid from `now` (simulated) for `lifetime`.
    func issue(tenant: String, application: SimulatedApplication, resource: Resource, now: Int64, lifetime: Duration) -> String {
        let issued = now / 1000
        let claims = Claims(
            aud: resource.rawValue, iss: "https://sts.windows.net/\(tenant)/", iat: issued, nbf: issued,
            exp: issued + max(1, Int64(lifetime.milliseconds / 1000)), appid: application.clientID, idtyp: "app",
            oid: UUID().uuidString.lowercased(), roles: application.roles.filter { resource.owns(role: $0) }.sorted(), tid: tenant, ver: "1.0")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let header = Self.base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = Self.base64URL((try? encoder.encode(claims)) ?? Data())
        return header + "." + payload + "." + signature(of: header + "." + payload)
    }

    /// The claims of a bearer token for `resource`, if it is this server's, unexpired at `now`.
    func verify(authorization: String?, resource: Resource, now: Int64) -> Result<Claims, Problem> {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else { return .failure(.missing) }
        let token = authorization.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Self.data(base64URL: String(parts[1])),
            let claims = try? JSONDecoder().decode(Claims.self, from: payload)
        else { return .failure(.malformed) }
        guard signature(of: parts[0] + "." + parts[1]) == parts[2] else { return .failure(.badSignature) }
        guard claims.aud == resource.rawValue else { return .failure(.wrongAudience) }
        guard now / 1000 < claims.exp else { return .failure(.expired) }
        return .success(claims)
    }

    private func signature(of text: some StringProtocol) -> String {
        Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)))
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
