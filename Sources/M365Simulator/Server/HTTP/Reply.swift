import BreakwaterModel

/// An endpoint's answer, before faults shape how it is sent.
struct Reply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []

    init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body.
    static func json(_ status: Int, _ value: JSONValue, headers: [(name: String, value: String)] = []) -> Reply {
        json(status, Array(value.jsonText.utf8), headers: headers)
    }

    /// A JSON body already encoded.
    static func json(_ status: Int, _ bytes: [UInt8], headers: [(name: String, value: String)] = []) -> Reply {
        Reply(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: bytes)
    }

    /// A JSON array of already encoded elements.
    static func jsonArray(_ elements: [[UInt8]], headers: [(name: String, value: String)] = []) -> Reply {
        var body: [UInt8] = [UInt8(ascii: "[")]
        body.reserveCapacity(elements.reduce(2) { $0 + $1.count + 1 })
        for (position, element) in elements.enumerated() {
            if position > 0 { body.append(UInt8(ascii: ",")) }
            body += element
        }
        body.append(UInt8(ascii: "]"))
        return json(200, body, headers: headers)
    }

    /// Whether the client would read it as a success.
    var isSuccess: Bool { (200..<300).contains(status) }
}

/// A refusal travels as the failure of a `Result` (`Result<GraphFilter?, Reply>`) from the
/// checks that parse a request to the endpoint that answers it.
extension Reply: Error {}
