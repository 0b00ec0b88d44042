import BreakwaterGraph
import BreakwaterStore

/// A short, bounded name for an error, for the `error.code` of logs and metrics: the AF or
/// Graph code Microsoft sent, the AADSTS number, or the kind of local failure. Never the
/// message, which can hold anything the service wrote (stack traces, line breaks).
enum ErrorCode {
    static func of(_ error: any Error) -> String {
        switch error {
        case let error as ManagementAPIError: word(error.code) ?? "management_other"
        case let error as GraphError: word(error.code.rawValue) ?? "graph_other"
        case let error as AuthenticationError: error.aadstsCode.map { "AADSTS\($0)" } ?? "authentication"
        case let error as TransportError: "transport_\(word(error.code.description) ?? "other")"
        case let error as StoreError: "store_\(word(error.code.description) ?? "other")"
        case is CancellationError: "cancelled"
        default: "other"
        }
    }

    /// `text` when it is a plain code (letters, digits, `_`, `-`, `.`, at most 64), else `nil`.
    private static func word(_ text: String) -> String? {
        guard !text.isEmpty, text.count <= 64, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) else {
            return nil
        }
        return text
    }
}
