import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// One request as the scripted server received it.
struct RecordedRequest: Sendable {
    var method: String
    var path: String
    /// The query as sent, still percent-encoded.
    var query: String
    /// Header values by lower-cased name.
    var headers: [String: String]
    var body: [UInt8]
    var receivedAt: ContinuousClock.Instant

    /// The decoded query (or form body) parameters, names as sent.
    static func parameters(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String { String(text).removingPercentEncoding ?? String(text) }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The decoded query parameter `name` (exact spelling).
    func queryValue(_ name: String) -> String? {
        Self.parameters(query).first { $0.name == name }?.value
    }

    /// The values of every query parameter named `name` in any case.
    func queryValues(caseInsensitive name: String) -> [String] {
        Self.parameters(query).filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The decoded form field `name` of an `application/x-www-form-urlencoded` body.
    func formValue(_ name: String) -> String? {
        Self.parameters(String(decoding: body, as: UTF8.self)).first { $0.name == name }?.value
    }
}

/// What the scripted server answers to one request.
struct ScriptedResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// Announce the whole body but send only this many bytes, then drop the connection.
    var cutAfter: Int?

    static func json(_ status: Int = 200, _ text: String, headers: [(String, String)] = []) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: Array(text.utf8))
    }

    static func empty(_ status: Int, headers: [(String, String)] = []) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: headers)
    }

    /// A Management Activity API error body.
    static func managementError(_ status: Int, _ code: String, _ message: String = "scripted", headers: [(String, String)] = []) -> ScriptedResponse {
        json(status, #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#, headers: headers)
    }

    /// A Graph error body.
    static func graphError(_ status: Int, _ code: String, headers: [(String, String)] = []) -> ScriptedResponse {
        json(
            status,
            #"{"error":{"code":"\#(code)","message":"scripted","innerError":{"date":"2025-06-01T00:00:00","request-id":"req-1","client-request-id":"client-1"}}}"#,
            headers: headers)
    }
}

/// A Hummingbird server on a loopback port that answers each route with what a test scripted,
/// and records every request it receives.
///
/// Routes are `METHOD path`; a route's responses are served in turn and the last one repeats.
/// A request to an unscripted route gets HTTP 599, so the test fails visibly.
final class ScriptedServer: Sendable {
    typealias Handler = @Sendable (RecordedRequest) async -> ScriptedResponse

    private struct State {
        var port = 0
        var routes: [String: [Handler]] = [:]
        var requests: [RecordedRequest] = []
    }

    private struct ConnectionCut: Error {}

    private let state = Mutex(State())

    /// `http://127.0.0.1:{port}`.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(state.withLock { $0.port })")! }

    /// Scripts `method path` to answer `responses` in turn, the last one repeating.
    func route(_ method: String, _ path: String, _ responses: ScriptedResponse...) {
        state.withLock { $0.routes["\(method) \(path)"] = responses.map { response in { _ in response } } }
    }

    /// Scripts `method path` to answer whatever `handler` makes of each request.
    func route(_ method: String, _ path: String, handler: @escaping Handler) {
        state.withLock { $0.routes["\(method) \(path)"] = [handler] }
    }

    /// The requests received so far, oldest first, optionally only those to one path.
    func requests(to path: String? = nil) -> [RecordedRequest] {
        state.withLock { state in state.requests.filter { path == nil || $0.path == path } }
    }

    /// Runs `body` with a server listening on a free loopback port, and stops the server after.
    static func run<T: Sendable>(_ body: (ScriptedServer) async throws -> T) async throws -> T {
        let server = ScriptedServer()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "scripted-server")
        logger.logLevel = .critical
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in try await server.respond(to: request) },
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            server.state.withLock { $0.port = port }
            defer { group.cancelAll() }
            return try await body(server)
        }
    }

    private func respond(to request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        let recorded = RecordedRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", headers: headers,
            body: Array(body.readableBytesView), receivedAt: .now)
        let handler: Handler? = state.withLock { state in
            state.requests.append(recorded)
            let key = "\(recorded.method) \(recorded.path)"
            guard var queue = state.routes[key], !queue.isEmpty else { return nil }
            let next = queue.removeFirst()
            if queue.isEmpty { queue = [next] }
            state.routes[key] = queue
            return next
        }
        let scripted = await handler?(recorded) ?? .json(599, #"{"error":{"code":"Unscripted","message":"\#(recorded.method) \#(recorded.path)"}}"#)
        var fields = HTTPFields()
        for (name, value) in scripted.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let bytes = scripted.body
        if let cut = scripted.cutAfter {
            let responseBody = ResponseBody(contentLength: bytes.count) { writer in
                try await writer.write(ByteBuffer(bytes: bytes.prefix(cut)))
                throw ConnectionCut()
            }
            return Response(status: HTTPResponse.Status(code: scripted.status), headers: fields, body: responseBody)
        }
        return Response(status: HTTPResponse.Status(code: scripted.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
