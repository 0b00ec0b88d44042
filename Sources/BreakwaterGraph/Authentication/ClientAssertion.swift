import BreakwaterModel
import Foundation

/// The signed JWT with which a certificate credential proves itself to Entra
/// (`client_assertion`, RFC 7523).
///
/// Header: `alg` (`PS256` or `RS256`), `typ: JWT`, and the certificate thumbprint (`x5t#S256`
/// or `x5t`). Claims: `aud` (the token endpoint), `iss` and `sub` (the client id), `jti` (a
/// fresh GUID), `nbf`, `iat` and `exp` (epoch seconds).
enum ClientAssertion {
    /// The compact serialisation `header.claims.signature`.
    ///
    /// - Parameters:
    ///   - audience: the token endpoint URL the assertion is sent to.
    ///   - now: the issue time.
    ///   - lifetime: how long the assertion is valid.
    static func make(
        certificate: ClientCertificate, clientID: String, audience: String, now: Date, lifetime: Duration, id: UUID = UUID()
    ) throws -> String {
        let header: String
        switch certificate.algorithm {
        case .ps256:
            header = #"{"alg":"PS256","typ":"JWT","x5t#S256":"# + JSONText.quoted(base64URL(certificate.sha256Thumbprint)) + "}"
        case .rs256:
            header = #"{"alg":"RS256","typ":"JWT","x5t":"# + JSONText.quoted(base64URL(certificate.sha1Thumbprint)) + "}"
        }
        let issued = Int64(now.timeIntervalSince1970.rounded(.down))
        let expires = issued + Int64(lifetime.seconds.rounded(.down))
        let claims =
            "{\"aud\":\(JSONText.quoted(audience)),\"iss\":\(JSONText.quoted(clientID)),\"sub\":\(JSONText.quoted(clientID)),"
            + "\"jti\":\(JSONText.quoted(id.uuidString.lowercased())),\"nbf\":\(issued),\"iat\":\(issued),\"exp\":\(expires)}"
        let signingInput = base64URL(Array(header.utf8)) + "." + base64URL(Array(claims.utf8))
        let signature = try certificate.sign(Array(signingInput.utf8))
        return signingInput + "." + base64URL(signature)
    }

    /// Base64url without padding (RFC 7515 §2).
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
