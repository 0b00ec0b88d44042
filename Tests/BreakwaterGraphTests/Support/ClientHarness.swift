import AsyncHTTPClient
@testable import BreakwaterGraph
import BreakwaterModel
import Foundation
import Logging

/// The clients under test, pointed at a scripted server, with a virtual clock and fast,
/// jitter-free retries.
struct ClientHarness: Sendable {
    static let tenant = TenantID("0b6f3c1e-7a2d-4e57-9b1a-3c5d7e9f1a2b")!
    static let publisher = TenantID("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a")!
    static let clientID = "4a7e2c9b-1d3f-4b6a-8c5e-7f9a1b3d5c7e"
    /// Four attempts, 1 s doubling to 8 s, no jitter: the delays are exact.
    static let retry = RetryPolicy(maximumAttempts: 4, initialDelay: .seconds(1), maximumDelay: .seconds(8), jitter: 0)

    let server: ScriptedServer
    let clock: any TransportClock
    let transport: MicrosoftTransport
    let endpoints: CloudEndpoints
    let credentials: TenantCredentials

    var management: ManagementActivityClient {
        ManagementActivityClient(transport: transport, endpoints: endpoints, credentials: credentials, publisherIdentifier: Self.publisher)
    }

    var graph: GraphClient {
        GraphClient(transport: transport, endpoints: endpoints, credentials: credentials)
    }

    /// The virtual clock, when the harness runs on one.
    var virtualClock: VirtualClock { clock as! VirtualClock }

    /// `/api/v1.0/{tenant}/activity/feed/{operation}`.
    static func feedPath(_ operation: String) -> String {
        "/api/v1.0/\(tenant)/activity/feed/\(operation)"
    }

    static let tokenPath = "/\(tenant)/oauth2/v2.0/token"

    /// Runs `body` against a fresh scripted server whose token endpoint issues `token-1`.
    static func run(
        clock: any TransportClock = VirtualClock(), rateLimit: RequestRateLimit = .perMinute(1_000_000), retry: RetryPolicy = retry,
        proof: TenantCredentials.Proof = .secret(ClientSecret("s3cret+/=&value")),
        _ body: @Sendable (ClientHarness) async throws -> Void
    ) async throws {
        try await ScriptedServer.run { server in
            server.route("POST", tokenPath, .json(200, #"{"token_type":"Bearer","expires_in":3599,"access_token":"token-1"}"#))
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: MicrosoftTransport.httpClientConfiguration())
            var logger = Logger(label: "breakwater-graph-tests")
            logger.logLevel = .critical
            let endpoints = CloudEndpoints.simulator(at: server.baseURL)
            let transport = MicrosoftTransport(
                httpClient: http, endpoints: endpoints, rateLimit: rateLimit, configuration: TransportConfiguration(retry: retry, requestTimeout: .seconds(10)),
                clock: clock, logger: logger)
            let harness = ClientHarness(
                server: server, clock: clock, transport: transport, endpoints: endpoints,
                credentials: TenantCredentials(tenant: tenant, clientID: clientID, proof: proof))
            do {
                try await body(harness)
            } catch {
                try await http.shutdown()
                throw error
            }
            try await http.shutdown()
        }
    }
}
