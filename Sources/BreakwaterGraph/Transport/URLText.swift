import Foundation

/// Building URLs and form bodies as text, so that what Microsoft sent is followed verbatim and
/// what the clients add is encoded exactly once.
enum URLText {
    /// Characters left as they are in a query value or a form field: RFC 3986 unreserved.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `text` percent-encoded for a query value, a form field or a path segment.
    static func encode(_ text: String, keeping extra: String = "") -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: extra))) ?? text
    }

    /// `name=value&…`, each name and value encoded.
    static func query(_ items: [(String, String)]) -> String {
        items.map { "\(encode($0.0, keeping: "$"))=\(encode($0.1))" }.joined(separator: "&")
    }

    /// `base` (without a trailing slash) followed by `path` (with a leading slash) and the query.
    static func join(_ base: URL, _ path: String, query items: [(String, String)] = []) -> String {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path
        if !items.isEmpty { text += "?" + query(items) }
        return text
    }

    /// `url` with `name=value` appended unless the query already names `name` (in any case).
    static func appendingIfMissing(_ url: String, name: String, value: String) -> String {
        let beforeFragment = String(url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        if let queryStart = beforeFragment.firstIndex(of: "?") {
            let names = beforeFragment[beforeFragment.index(after: queryStart)...].split(separator: "&").map {
                $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0].lowercased()
            }
            if names.contains(name.lowercased()) { return url }
        }
        let separator = beforeFragment.contains("?") ? (beforeFragment.hasSuffix("?") || beforeFragment.hasSuffix("&") ? "" : "&") : "?"
        let fragment = url.dropFirst(beforeFragment.count)
        return beforeFragment + separator + "\(encode(name))=\(encode(value))" + String(fragment)
    }

    /// Whether `url` may carry credentials meant for `base`: same scheme, host and port, and
    /// HTTPS unless the host is loopback.
    static func isTrusted(_ url: String, for base: URL) -> Bool {
        guard let target = URLComponents(string: url), let expected = URLComponents(url: base, resolvingAgainstBaseURL: false),
            let scheme = target.scheme?.lowercased(), let host = target.host?.lowercased()
        else { return false }
        guard scheme == expected.scheme?.lowercased(), host == expected.host?.lowercased(),
            effectivePort(target) == effectivePort(expected)
        else { return false }
        return scheme == "https" || (scheme == "http" && isLoopback(host))
    }

    /// Whether `host` names this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    private static func effectivePort(_ components: URLComponents) -> Int? {
        components.port ?? (components.scheme?.lowercased() == "https" ? 443 : components.scheme?.lowercased() == "http" ? 80 : nil)
    }
}
