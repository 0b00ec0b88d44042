import Foundation

/// A request as the endpoints read it: path segments and query parameters percent-decoded,
/// the body collected, and the base URL the client used (for the URLs put in responses).
struct SimulatorRequest: Sendable {
    let method: String
    /// The path as received, without the query.
    let path: String
    /// Decoded path segments (`$` in a content id arrives as `$` or `%24`).
    let segments: [String]
    /// Decoded query parameters in order (`+` is a space).
    let query: [(name: String, value: String)]
    let headers: [String: String]
    let body: [UInt8]
    /// `http://127.0.0.1:port`, from the `Host` header.
    let baseURL: String

    init(method: String, target: String, headers: [String: String], body: [UInt8], fallbackHost: String) {
        self.method = method
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        segments = path.split(separator: "/").map { Self.decode($0, plusIsSpace: false) }
        query = parts.count > 1 ? Self.form(String(parts[1])) : []
        self.headers = headers
        self.body = body
        baseURL = "http://" + (headers["host"] ?? fallbackHost)
    }

    /// The first query parameter with this name, matched case-insensitively (whether the
    /// service matches names case-insensitively is not documented; being lenient here keeps
    /// the simulator from failing a client for something the service may accept).
    func parameter(_ name: String) -> String? {
        query.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The header with this (lower-case) name.
    func header(_ name: String) -> String? {
        headers[name]
    }

    /// The method, path and query without `PublisherIdentifier`: what makes two requests
    /// "the same request" when faults are decided.
    var faultKey: String {
        let kept = query.filter { $0.name.lowercased() != "publisheridentifier" }.map { "\($0.name)=\($0.value)" }.sorted()
        return method + " " + path.lowercased() + "?" + kept.joined(separator: "&")
    }

    /// Decodes `application/x-www-form-urlencoded` text (also a query string).
    static func form(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0], plusIsSpace: true), parts.count > 1 ? decode(parts[1], plusIsSpace: true) : "")
        }
    }

    private static func decode(_ text: Substring, plusIsSpace: Bool) -> String {
        let spaced = plusIsSpace ? text.replacingOccurrences(of: "+", with: " ") : String(text)
        return spaced.removingPercentEncoding ?? spaced
    }
}
