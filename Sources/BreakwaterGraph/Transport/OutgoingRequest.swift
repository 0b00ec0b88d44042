import NIOHTTP1

/// One request to a Microsoft API, before credentials are added.
struct OutgoingRequest: Sendable {
    var method: HTTPMethod
    /// The full URL, sent as written.
    var url: String
    var headers: [(String, String)] = [("Accept", "application/json")]
    var body: [UInt8]?

    init(_ method: HTTPMethod, _ url: String, body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.body = body
        if body != nil { headers.append(("Content-Type", "application/json")) }
    }
}

/// A response read whole into memory.
struct ReceivedResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
}
