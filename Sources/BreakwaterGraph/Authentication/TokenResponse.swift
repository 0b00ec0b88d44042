import BreakwaterModel
import Foundation

/// What the token endpoint answered, read from its JSON.
enum TokenResponse {
    /// A token with its lifetime in seconds.
    case token(value: String, expiresIn: Double)
    /// An OAuth error.
    case error(oauthError: String?, aadstsCode: Int?, traceID: String?, correlationID: String?)

    /// Reads a v2 (numbers) or v1 (numbers as strings) success, or an OAuth error; `nil` when
    /// the body is neither.
    init?(json bytes: [UInt8]) {
        guard let value = try? JSONValue(parsing: bytes), case .object = value else { return nil }
        if let token = value["access_token"]?.stringValue, !token.isEmpty {
            // A missing or unreadable lifetime is taken as five minutes, so the token is soon replaced.
            let expiresIn = value["expires_in"]?.scalarText.flatMap(Double.init) ?? 300
            self = .token(value: token, expiresIn: expiresIn)
            return
        }
        guard value["error"] != nil || value["error_codes"] != nil else { return nil }
        let listed = value["error_codes"]?.arrayValue?.first?.scalarText.flatMap(Int.init)
        let described = value["error_description"]?.stringValue.flatMap(Self.leadingAADSTSCode)
        self = .error(
            oauthError: value["error"]?.stringValue, aadstsCode: listed ?? described, traceID: value["trace_id"]?.stringValue,
            correlationID: value["correlation_id"]?.stringValue)
    }

    /// The number in the first `AADSTS<digits>` of `text`.
    static func leadingAADSTSCode(_ text: String) -> Int? {
        guard let range = text.range(of: "AADSTS") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }
}
