@testable import BreakwaterGraph
import BreakwaterModel
import Foundation
import Testing

@Suite("Per-tenant rate limit")
struct RequestRateLimiterTests {
    @Test("after the burst, each request waits for the refill; another tenant has its own bucket")
    func refill() async throws {
        // Given 10 a minute with a burst of 2: the bucket refills 8 a minute, one every 7.5 s
        let clock = VirtualClock()
        let limiter = RequestRateLimiter(limit: RequestRateLimit(requests: 10, per: .seconds(60), burst: 2), clock: clock)
        let other = try #require(TenantID("11111111-2222-3333-4444-555555555555"))

        // When
        for _ in 0..<5 {
            try await limiter.acquire(for: ClientHarness.tenant)
        }
        try await limiter.acquire(for: other)

        // Then
        #expect(clock.sleeps == [.milliseconds(7500), .milliseconds(7500), .milliseconds(7500)])
    }

    @Test("the burst is kept to half the limit")
    func burstBound() {
        #expect(RequestRateLimit(requests: 10, per: .seconds(60), burst: 50).burst == 5)
        #expect(RequestRateLimit.perMinute(2000).burst == 40)
    }

    @Test("a tenant's Management and Graph requests together stay under its cap in every window (counted by the server)")
    func capAcrossClients() async throws {
        // Given 12 requests per second, on the real clock, shared by four concurrent streams
        let cap = 12
        let period: Duration = .seconds(1)
        try await ClientHarness.run(clock: SystemTransportClock(), rateLimit: RequestRateLimit(requests: cap, per: period, burst: 3)) { harness in
            harness.server.route("GET", ClientHarness.feedPath("subscriptions/content"), .json(200, "[]"))
            harness.server.route("GET", "/v1.0/users", .json(200, #"{"value":[]}"#))
            let window = ContentWindow(start: Date(timeIntervalSince1970: 1_750_000_000), end: Date(timeIntervalSince1970: 1_750_003_600))

            // When
            try await withThrowingTaskGroup(of: Void.self) { group in
                for contentType in [ContentType.exchange, .sharePoint, .general] {
                    group.addTask {
                        for _ in 0..<6 { _ = try await harness.management.listContentPage(contentType, in: window) }
                    }
                }
                group.addTask {
                    for _ in 0..<6 { _ = try await harness.graph.userPage() }
                }
                try await group.waitForAll()
            }

            // Then no interval of one period holds more than the cap
            let arrivals = harness.server.requests().filter { $0.path != ClientHarness.tokenPath }.map(\.receivedAt).sorted()
            #expect(arrivals.count == 24)
            var busiest = 0
            for (index, start) in arrivals.enumerated() {
                busiest = max(busiest, arrivals[index...].prefix { $0 < start + period }.count)
            }
            #expect(busiest <= cap)
            #expect(busiest >= 3)
        }
    }
}
