import BreakwaterModel
import Foundation
import M365Simulator
import Testing

@Suite("Fault injection: throttling, server errors, truncated bodies, expired tokens")
struct ServerFaultTests {
    @Test(
        "throttling answers AF429 with the configured status, and the retry gets through",
        arguments: [(SimulatedFaults.ThrottleStatus.forbidden, 403), (.tooManyRequests, 429)])
    func throttling(_ throttleStatus: SimulatedFaults.ThrottleStatus, _ status: Int) async throws {
        let tenant = ServerFixtures.tenant {
            $0.faults.throttledShare = 1
            $0.faults.throttleStatuses = [throttleStatus]
        }
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let token = try await simulator.token(tenant)
            let url = simulator.feed(tenant, "subscriptions/list?PublisherIdentifier=\(tenant.id)")
            var statuses: [Int] = []
            var codes: [String?] = []
            for _ in 0..<3 {
                let exchange = try await simulator.get(url, token: token)
                statuses.append(exchange.status)
                codes.append(exchange.errorCode)
            }
            #expect(statuses == [status, status, 200])
            #expect(codes == ["AF429", "AF429", nil])
            let message = try await simulator.get(simulator.feed(tenant, "subscriptions/list?x=1"), token: token).json["error"]?["message"]?.stringValue
            #expect(message == "Too many requests. Method=ListSubscriptions, PublisherId=00000000-0000-0000-0000-000000000000")
        }
    }

    @Test("the request cap refuses the tenant's requests beyond it within a simulated minute")
    func requestCap() async throws {
        let tenant = ServerFixtures.tenant {
            $0.requestsPerMinute = 3
            $0.faults.throttleStatuses = [.tooManyRequests]
        }
        let clock = ServerFixtures.clock(days: 2)
        try await withSimulator([tenant], clock: clock) { simulator in
            let token = try await simulator.token(tenant)
            let url = simulator.feed(tenant, "subscriptions/list")
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await simulator.get(url, token: token).status) }
            clock.advance(by: .seconds(60))
            statuses.append(try await simulator.get(url, token: token).status)
            #expect(statuses == [200, 200, 200, 429, 200])
            let perMinute = await simulator.server.managementRequestsPerMinute(tenant: tenant.id)
            #expect(perMinute.values.sorted() == [1, 4])
        }
    }

    @Test("server errors answer 500 AF50000 on the Management Activity API and 503 on Graph, then recover")
    func serverErrors() async throws {
        let tenant = ServerFixtures.tenant {
            $0.faults.serverErrorShare = 1
        }
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let token = try await simulator.token(tenant)
            let url = simulator.feed(tenant, "subscriptions/list")
            let first = try await simulator.get(url, token: token)
            #expect(first.status == 500)
            #expect(first.errorCode == "AF50000")
            #expect(try await simulator.get(url, token: token).status == 500)
            #expect(try await simulator.get(url, token: token).status == 200)

            let graph = try await simulator.token(tenant, scope: SimulatorHarness.graphScope)
            let users = try await simulator.get("\(simulator.base)/v1.0/users", token: graph)
            #expect(users.status == 503)
            #expect(users.header("Retry-After") != nil)
        }
    }

    @Test("a truncated body fails at the transport level, and the retry gets the whole body")
    func truncatedBodies() async throws {
        let tenant = ServerFixtures.tenant {
            $0.faults.truncatedBodyShare = 1
            $0.faults.maximumConsecutiveFaults = 1
        }
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let graph = try await simulator.token(tenant, scope: SimulatorHarness.graphScope)
            let url = "\(simulator.base)/v1.0/users?$top=5"
            await #expect(throws: (any Error).self) {
                _ = try await simulator.get(url, token: graph)
            }
            let retried = try await simulator.get(url, token: graph)
            #expect(retried.status == 200)
            #expect(retried.json["value"]?.arrayValue?.count == 5)
        }
    }

    @Test("Graph throttling answers 429 TooManyRequests with a decimal Retry-After")
    func graphThrottling() async throws {
        let tenant = ServerFixtures.tenant {
            $0.faults.throttledShare = 1
            $0.faults.maximumConsecutiveFaults = 1
        }
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let graph = try await simulator.token(tenant, scope: SimulatorHarness.graphScope)
            let throttled = try await simulator.get("\(simulator.base)/v1.0/users", token: graph)
            #expect(throttled.status == 429)
            #expect(throttled.errorCode == "TooManyRequests")
            let retryAfter = try #require(throttled.header("Retry-After").flatMap(Double.init))
            #expect(retryAfter > 0)
            #expect(try await simulator.get("\(simulator.base)/v1.0/users", token: graph).status == 200)
        }
    }

    @Test("short-lived tokens expire in simulated time: 401 on both APIs, and a new token works")
    func tokenExpiry() async throws {
        let tenant = ServerFixtures.tenant {
            $0.faults.tokenLifetime = .seconds(60)
        }
        let clock = ServerFixtures.clock(days: 2)
        try await withSimulator([tenant], clock: clock) { simulator in
            let management = try await simulator.token(tenant)
            let graph = try await simulator.token(tenant, scope: SimulatorHarness.graphScope)
            #expect(try await simulator.get(simulator.feed(tenant, "subscriptions/list"), token: management).status == 200)
            clock.advance(by: .seconds(61))
            let expired = try await simulator.get(simulator.feed(tenant, "subscriptions/list"), token: management)
            #expect(expired.status == 401)
            let graphExpired = try await simulator.get("\(simulator.base)/v1.0/users", token: graph)
            #expect(graphExpired.status == 401)
            #expect(graphExpired.errorCode == "InvalidAuthenticationToken")
            #expect(try await simulator.get(simulator.feed(tenant, "subscriptions/list"), token: try await simulator.token(tenant)).status == 200)
        }
    }

    @Test("the same seed gives the same content and the same faults")
    func determinism() async throws {
        let tenant = ServerFixtures.tenant {
            $0.faults.throttledShare = 0.3
            $0.faults.serverErrorShare = 0.2
            $0.faults.duplicateBlobShare = 0.2
        }
        @Sendable func run() async throws -> [String] {
            try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
                let token = try await simulator.token(tenant)
                var outcomes: [String] = []
                for contentType in ["Audit.Exchange", "Audit.SharePoint", "Audit.General"] {
                    let url = simulator.feed(tenant, "subscriptions/start?contentType=\(contentType)")
                    for _ in 0..<3 { outcomes.append(String(try await simulator.send("POST", url, token: token).status)) }
                    let list = try await simulator.get(simulator.feed(tenant, "subscriptions/content?contentType=\(contentType)"), token: token)
                    outcomes.append(list.text.replacingOccurrences(of: simulator.base, with: ""))
                }
                return outcomes
            }
        }
        let first = try await run()
        let second = try await run()
        #expect(first == second)
        #expect(first.contains("429") || first.contains("403") || first.contains("500"))
    }
}
