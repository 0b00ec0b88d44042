public import BreakwaterModel
import Hummingbird
public import Logging
import NIOCore
public import ServiceLifecycle
import Synchronization
import UnixSignals

/// The Microsoft endpoints Breakwater calls, on loopback, serving simulated tenants: the Entra
/// token endpoint, the Office 365 Management Activity API and Microsoft Graph, all at one base
/// URL, following the wire contract (`m365-api-contract.md`) and its quirks.
///
/// ```swift
/// let clock = SimulatedClock.manual(at: ScenarioConfiguration.defaultStart.adding(milliseconds: 86_400_000))
/// let server = SimulatorServer(SimulatorConfiguration(tenants: [.numbered(1, days: 3)], clock: clock))
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await server.run() }
///     let base = try await server.baseURL()      // http://127.0.0.1:<port>
///     // …collect from `base`, advance `clock`, compare with server.deliverableRecordIDs(…)
///     group.cancelAll()
/// }
/// ```
///
/// Building the server generates every tenant's scenario in memory (about 1.5 KB a record;
/// scale 1 is about 96,000 records a month).
///
/// It has the shape of a swift-service-lifecycle `Service` (``run()``) without declaring the
/// conformance: that would make every importer of `M365Simulator` need ServiceLifecycle's C
/// modules, which test targets that import the scenario without declaring the dependency
/// cannot find.
public final class SimulatorServer: Service, Sendable {
    public let configuration: SimulatorConfiguration
    private let hosted: [HostedTenant]
    private let byID: [String: HostedTenant]
    private let logger: Logger
    private let listening = ListeningPort()

    /// Generates every tenant's content; the server listens once ``run()`` is called.
    ///
    /// - Parameters:
    ///   - configuration: the tenants, the clock and where to listen.
    ///   - logger: where the server logs (requests at `debug`, never credentials); silent when `nil`.
    public init(_ configuration: SimulatorConfiguration, logger: Logger? = nil) {
        self.configuration = configuration
        hosted = configuration.tenants.map(HostedTenant.init)
        byID = Dictionary(hosted.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.logger = logger ?? Logger(label: "M365Simulator", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// The clock every tenant shares.
    public var clock: SimulatedClock { configuration.clock }

    /// Serves until cancelled or gracefully shut down.
    public func run() async throws {
        do {
            try await application().run()
        } catch {
            listening.fail(error)
            throw error
        }
        listening.fail(CancellationError())
    }

    /// Serves until SIGINT or SIGTERM.
    public func runUntilTerminated() async throws {
        do {
            try await application().runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            listening.fail(error)
            throw error
        }
    }

    /// `http://host:port` once the server listens: the base of the token endpoint
    /// (`/{tenant}/oauth2/v2.0/token`), the Management Activity API (`/api/v1.0/{tenant}/…`)
    /// and Graph (`/v1.0/…`, `/beta/…`).
    ///
    /// - Throws: the error that stopped the server from listening.
    public func baseURL() async throws -> String {
        "http://\(configuration.host):\(try await listening.port())"
    }

    private func application() -> some ApplicationProtocol {
        let authority = AccessTokenAuthority()
        let fallbackHost = "\(configuration.host):\(configuration.port)"
        let responder = SimulatorResponder(
            tokens: TokenEndpoint(authority: authority, clock: clock),
            management: ManagementActivityEndpoint(authority: authority, clock: clock, tenants: byID),
            graph: GraphEndpoint(authority: authority, clock: clock, tenants: byID), tenants: hosted, clock: clock, fallbackHost: fallbackHost)
        let listening = self.listening
        let port = configuration.port
        return Application(
            responder: responder, configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: port)),
            onServerRunning: { channel in listening.set(channel.localAddress?.port ?? port) }, logger: logger)
    }

    // MARK: Ground truth and observations

    /// The ids of every audit record a client can retrieve from blobs created up to `time`
    /// (default: now): what a collector that read everything listable must hold, each once.
    /// Records only in blobs that expired on arrival are not in it.
    public func deliverableRecordIDs(tenant: TenantID, through time: Timestamp? = nil) -> Set<String> {
        guard let hosted = byID[tenant.description] else { return [] }
        return hosted.content.deliverableRecordIDs(through: (time ?? clock.now).millisecondsSince1970)
    }

    /// The ids of every Graph sign-in visible by `time` (default: now).
    public func visibleSignInIDs(tenant: TenantID, through time: Timestamp? = nil) -> Set<String> {
        guard let hosted = byID[tenant.description] else { return [] }
        let limit = (time ?? clock.now).millisecondsSince1970
        return Set(hosted.content.signIns.filter { $0.visible <= limit }.map(\.id))
    }

    /// The content ids of listable blobs that can no longer be retrieved (AF20051) now: those
    /// past their 7 days, and those the expired-content fault made expire on arrival.
    public func expiredContentIDs(tenant: TenantID) -> [String] {
        guard let hosted = byID[tenant.description] else { return [] }
        let now = clock.now.millisecondsSince1970
        return ManagementContentType.allCases.flatMap { contentType in
            (hosted.content.blobs[contentType] ?? []).filter { $0.created <= now && $0.expiration <= now }.map(\.contentID)
        }
    }

    /// Every request received for the tenant, in order of arrival.
    public func requests(tenant: TenantID) async -> [RecordedRequest] {
        await byID[tenant.description]?.state.requests ?? []
    }

    /// Management Activity API requests per simulated minute (keyed by the minute's start),
    /// as the request cap counts them.
    public func managementRequestsPerMinute(tenant: TenantID) async -> [Timestamp: Int] {
        guard let counts = await byID[tenant.description]?.state.managementRequestsPerMinute() else { return [:] }
        return Dictionary(uniqueKeysWithValues: counts.map { (Timestamp(millisecondsSince1970: $0.key * 60_000), $0.value) })
    }

    /// What clients changed through Graph, in order.
    public func remediations(tenant: TenantID) async -> [Remediation] {
        await byID[tenant.description]?.state.remediations ?? []
    }

    /// The scenario truth of a tenant (the attack, the travellers, …).
    public func truth(tenant: TenantID) -> ScenarioTruth? {
        byID[tenant.description].map { Scenario($0.configuration.scenario).truth }
    }
}

/// The port the server listens on, awaited by callers until the server reports it.
private final class ListeningPort: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Int, any Error>])
        case listening(Int)
        case failed(any Error)
    }

    private let state = Mutex(State.waiting([]))

    func set(_ port: Int) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, any Error>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = .listening(port)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    func fail(_ error: any Error) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, any Error>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = .failed(error)
            return waiters
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }

    func port() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let immediate = state.withLock { state -> Result<Int, any Error>? in
                switch state {
                case .waiting(let waiters):
                    state = .waiting(waiters + [continuation])
                    return nil
                case .listening(let port): return .success(port)
                case .failed(let error): return .failure(error)
                }
            }
            if let immediate { continuation.resume(with: immediate) }
        }
    }
}
