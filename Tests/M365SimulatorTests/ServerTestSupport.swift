import AsyncHTTPClient
import BreakwaterModel
import Foundation
import M365Simulator
import NIOCore
import NIOHTTP1

/// A running simulator and a client for it, for one test.
struct SimulatorHarness: Sendable {
    let server: SimulatorServer
    let base: String
    var clock: SimulatedClock { server.clock }

    /// One HTTP exchange's result.
    struct Exchange: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        /// The first value of a header (names are case-insensitive).
        func header(_ name: String) -> String? { headers.first(name: name) }
        /// The body parsed as JSON.
        var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
        /// `error.code` of a Management Activity API or Graph error body.
        var errorCode: String? { json["error"]?["code"]?.stringValue }
        /// The top-level `Id` of every record of a blob (a JSON array of objects), found by a
        /// scan that follows strings and nesting: the tests read tens of megabytes of blobs,
        /// too slow for a full parse in a debug build.
        var recordIDs: [String] {
            let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
            var ids: [String] = []
            body.withUnsafeBufferPointer { bytes in
                var depth = 0
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == quote {
                        // `"Id":"` at the top level of a record
                        let isKey =
                            depth == 2 && index + 6 < bytes.count && bytes[index + 1] == UInt8(ascii: "I") && bytes[index + 2] == UInt8(ascii: "d")
                            && bytes[index + 3] == quote && bytes[index + 4] == UInt8(ascii: ":") && bytes[index + 5] == quote
                        let start = isKey ? index + 6 : index + 1
                        var end = start
                        while bytes[end] != quote { end += bytes[end] == backslash ? 2 : 1 }
                        if isKey { ids.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                        index = end + 1
                        continue
                    }
                    if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                    if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
                    index += 1
                }
            }
            return ids
        }
    }

    static let managementScope = "https://manage.office.com/.default"
    static let graphScope = "https://graph.microsoft.com/.default"

    /// The URL of a Management Activity API operation (`subscriptions/list`).
    func feed(_ tenant: SimulatedTenant, _ operation: String) -> String {
        "\(base)/api/v1.0/\(tenant.id)/activity/feed/\(operation)"
    }

    /// A token for `tenant`'s app, or a failure if the endpoint refuses.
    func token(_ tenant: SimulatedTenant, scope: String = managementScope) async throws -> String {
        let exchange = try await tokenRequest(
            tenant.id.description,
            form: [
                ("grant_type", "client_credentials"), ("client_id", tenant.application.clientID), ("client_secret", tenant.application.clientSecret),
                ("scope", scope),
            ])
        guard exchange.status == 200, let token = exchange.json["access_token"]?.stringValue else {
            throw HarnessError(message: "token request failed: \(exchange.status) \(exchange.text)")
        }
        return token
    }

    /// `POST /{tenant}/oauth2/v2.0/token` (or `/oauth2/token` for `version: "v1"`) with a form body.
    func tokenRequest(_ tenantName: String, form: [(String, String)], version: String = "v2") async throws -> Exchange {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        let path = version == "v1" ? "oauth2/token" : "oauth2/v2.0/token"
        return try await send("POST", "\(base)/\(tenantName)/\(path)", body: Array(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    func get(_ url: String, token: String? = nil) async throws -> Exchange {
        try await send("GET", url, token: token)
    }

    func send(
        _ method: String, _ url: String, token: String? = nil, body: [UInt8]? = nil, contentType: String = "application/json"
    ) async throws -> Exchange {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let collected = try await response.body.collect(upTo: 256 << 20)
        return Exchange(status: Int(response.status.code), headers: response.headers, body: Array(buffer: collected))
    }

    /// Lists a content type's blobs in a window, following `NextPageUri` to the end; returns
    /// every item and how many pages it took.
    func listContent(
        _ tenant: SimulatedTenant, _ contentType: ManagementContentType, start: Timestamp, end: Timestamp, token: String
    ) async throws -> (items: [JSONValue], pages: Int) {
        var url: String? =
            feed(tenant, "subscriptions/content") + "?contentType=\(contentType.rawValue)&startTime=\(Self.text(start))&endTime=\(Self.text(end))"
            + "&PublisherIdentifier=\(tenant.id)"
        var items: [JSONValue] = []
        var pages = 0
        while let next = url {
            let exchange = try await get(next, token: token)
            guard exchange.status == 200 else { throw HarnessError(message: "listing failed: \(exchange.status) \(exchange.text)") }
            items += exchange.json.arrayValue ?? []
            pages += 1
            url = exchange.header("NextPageUri").map { $0 + "&PublisherIdentifier=\(tenant.id)" }
        }
        return (items, pages)
    }

    /// `2026-10-26T00:00:00` (the service's own format, no zone).
    static func text(_ time: Timestamp) -> String {
        String(time.iso8601.prefix(19))
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs `body` against a simulator serving `tenants` on a free loopback port, then stops it.
func withSimulator<T: Sendable>(
    _ tenants: [SimulatedTenant], clock: SimulatedClock, _ body: @Sendable (SimulatorHarness) async throws -> T
) async throws -> T {
    let server = SimulatorServer(SimulatorConfiguration(tenants: tenants, clock: clock))
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        let harness = SimulatorHarness(server: server, base: try await server.baseURL())
        let result = try await body(harness)
        group.cancelAll()
        return result
    }
}

/// Small tenants for the server's tests.
enum ServerFixtures {
    static let start = ScenarioConfiguration.defaultStart
    static let day: Int64 = 86_400_000
    static let hour: Int64 = 3_600_000

    /// A three-day company (the attack on day 2) without the reports throttle.
    static func tenant(_ number: Int = 1, days: Int = 3, _ configure: (inout SimulatedTenant) -> Void = { _ in }) -> SimulatedTenant {
        var tenant = SimulatedTenant.numbered(number, seed: 2026, days: days)
        tenant.reportsRequestsPerTenSeconds = nil
        configure(&tenant)
        return tenant
    }

    /// A manual clock `days` days (and `hours` hours) after the start of the month.
    static func clock(days: Int64, hours: Int64 = 0) -> SimulatedClock {
        .manual(at: start.adding(milliseconds: days * day + hours * hour))
    }

    /// The payload of a JWT.
    static func claims(_ token: String) -> JSONValue {
        let payload = token.split(separator: ".")[1]
        var base64 = payload.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return (try? JSONValue(parsing: Array(Data(base64Encoded: base64) ?? Data()))) ?? .null
    }
}
