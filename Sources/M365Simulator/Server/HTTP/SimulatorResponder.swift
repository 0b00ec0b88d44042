import HTTPTypes
import Hummingbird
import NIOCore
import Logging

/// Routes every request to the token endpoint, the Management Activity API or Graph, then
/// records it and sends the reply the way the request's faults say: late, or cut short.
///
/// Routing is by hand rather than with Hummingbird's router: Microsoft's paths are matched
/// case-insensitively, content ids carry `$`, and next-page URLs use `/api/v1/` as well as
/// `/api/v1.0/`.
struct SimulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let tokens: TokenEndpoint
    let management: ManagementActivityEndpoint
    let graph: GraphEndpoint
    let tenants: [HostedTenant]
    let clock: SimulatedClock
    let fallbackHost: String

    /// Thrown while writing a truncated body, so that the server closes the connection.
    struct TruncatedBody: Error {}

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        // HTTP/1's Host header arrives as the request's authority.
        if let authority = request.head.authority { headers["host"] = authority }
        let simulated = SimulatorRequest(
            method: request.method.rawValue, target: request.uri.string, headers: headers, body: Array(buffer: body), fallbackHost: fallbackHost)
        let arrived = clock.now
        let handled = await dispatch(simulated)

        if let tenant = handled.tenant {
            await tenant.state.record(
                RecordedRequest(
                    time: arrived, service: handled.service, method: simulated.method, path: simulated.path, status: handled.reply.status,
                    publisherIdentifier: handled.publisherIdentifier))
            context.logger.debug(
                "Simulated request", metadata: ["tenant.id": "\(tenant.id)", "http.status": "\(handled.reply.status)", "http.path": "\(simulated.path)"])
        }
        if handled.faults.slow, let delay = handled.tenant?.configuration.faults.slowDelay {
            try await Task.sleep(for: delay)
        }
        return response(handled.reply, truncated: handled.faults.truncate && handled.reply.isSuccess && handled.reply.body.count > 1)
    }

    private func dispatch(_ request: SimulatorRequest) async -> Handled {
        let segments = request.segments
        let lowered = segments.map { $0.lowercased() }
        if segments.count >= 3, lowered[1] == "oauth2", request.method == "POST" {
            let tenant = tenants.first { $0.isNamed(segments[0]) }
            let version: TokenEndpoint.Version? =
                switch Array(lowered.dropFirst(2)) {
                case ["v2.0", "token"]: .v2
                case ["token"]: .v1
                default: nil
                }
            if let version {
                return Handled(
                    reply: tokens.respond(to: request, tenant: tenant, tenantName: segments[0], version: version), service: .token, tenant: tenant)
            }
        }
        if lowered.count >= 2, lowered[0] == "api", lowered[1] == "v1.0" || lowered[1] == "v1" {
            return await management.respond(to: request, path: segments.dropFirst(2))
        }
        if let version = lowered.first, version == "v1.0" || version == "beta" {
            return await graph.respond(to: request, version: version, path: segments.dropFirst())
        }
        return Handled(reply: ManagementActivityEndpoint.notFound(request), service: .graph)
    }

    private func response(_ reply: Reply, truncated: Bool) -> Response {
        var fields = HTTPFields()
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        // The service's time is the simulated time. Hummingbird sets Date to the host's clock,
        // so the simulated time travels in its own header (ServiceClock reads it first).
        if let name = HTTPField.Name(HTTPDate.simulatedDateHeader) { fields[name] = HTTPDate.format(clock.now) }
        let status = HTTPResponse.Status(code: reply.status)
        guard truncated else {
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
        }
        // Promise the whole body, send half, then fail the write: the server closes the
        // connection and the client sees a transport error, never a short well-formed body.
        let bytes = reply.body
        return Response(
            status: status, headers: fields,
            body: ResponseBody(contentLength: bytes.count) { writer in
                try await writer.write(ByteBuffer(bytes: bytes.prefix(bytes.count / 2)))
                throw TruncatedBody()
            })
    }
}
