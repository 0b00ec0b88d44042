/// What the simulator serves and where: its tenants, the shared clock and the loopback
/// address to listen on.
///
/// ```swift
/// let clock = SimulatedClock.manual(at: ScenarioConfiguration.defaultStart)
/// let configuration = SimulatorConfiguration(tenants: [.numbered(1, days: 3)], clock: clock)
/// ```
public struct SimulatorConfiguration: Sendable {
    public var tenants: [SimulatedTenant]
    public var clock: SimulatedClock
    /// The address to bind: loopback unless deliberately changed (the simulator has no TLS and
    /// hands out credentials to anyone who asks).
    public var host: String
    /// The port to bind; 0 picks a free one (read it from ``SimulatorServer/baseURL()``).
    public var port: Int

    public init(tenants: [SimulatedTenant], clock: SimulatedClock, host: String = "127.0.0.1", port: Int = 0) {
        self.tenants = tenants
        self.clock = clock
        self.host = host
        self.port = port
    }
}
