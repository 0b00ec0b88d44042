import AsyncHTTPClient
import BreakwaterCollect
import BreakwaterModel
import Foundation
import M365Simulator
import Testing

@Suite("Service clock")
struct ServiceClockTests {
    /// A simulator whose clock stands `offset` away from this machine's.
    func simulator(offset: TimeInterval) async throws -> (SimulatorServer, Task<Void, any Error>, URL) {
        let tenant = SimulatedTenant.numbered(1, days: 1)
        let server = SimulatorServer(SimulatorConfiguration(tenants: [tenant], clock: .manual(at: Timestamp(Date().addingTimeInterval(offset)))))
        let serving = Task { try await server.run() }
        return (server, serving, URL(string: try await server.baseURL())!)
    }

    @Test("follows a service whose clock is more than five minutes away, and ignores a smaller drift", arguments: [
        (-2 * 3600.0, true), (26 * 86_400.0, true), (120.0, false), (-200.0, false),
    ])
    func follows(offset: TimeInterval, followed: Bool) async throws {
        let (_, serving, base) = try await simulator(offset: offset)
        defer { serving.cancel() }
        let now = await ServiceClock(http: .shared, probe: base).now()
        let expected = followed ? Date().addingTimeInterval(offset) : Date()
        #expect(abs(now.timeIntervalSince(expected)) < 30, "\(now) against \(expected)")
    }

    @Test("keeps the local clock when the service cannot be reached")
    func unreachable() async throws {
        let now = await ServiceClock(http: .shared, probe: URL(string: "http://127.0.0.1:9")!).now()
        #expect(abs(now.timeIntervalSinceNow) < 30)
    }
}
