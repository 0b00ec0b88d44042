import ArgumentParser
import AsyncHTTPClient
import BreakwaterCollect
import BreakwaterDetect
import BreakwaterEnrich
import BreakwaterGraph
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// `breakwater serve`: collects every monitored tenant continuously, detects as records
/// arrive, and serves metrics.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Collect every tenant continuously, detect as records arrive, serve /metrics.",
        discussion: """
            For each tenant added with 'breakwater tenant add', reads the unified audit log \
            (Audit.AzureActiveDirectory, Audit.Exchange, Audit.SharePoint, Audit.General) \
            through the Office 365 Management Activity API and the sign-in log through \
            Microsoft Graph, each feed on its own checkpoint. Every blob or page is stored \
            with its alerts and its checkpoint in one transaction: after a crash, collection \
            resumes where the data stops, nothing lost and nothing doubled. Content that \
            expired before it could be read is recorded as a gap ('breakwater tenant list').

            SIGTERM or SIGINT finishes the batches in flight and exits. --once makes one \
            pass over every feed and exits (for cron, or to catch up).
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var key: SecretKeyOptions

    @Option(help: ArgumentHelp("Detection settings (YAML, as for investigate).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("metrics-port"), help: "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics (0: any free port, logged at start).")
    var metricsPort = 9464

    @Option(help: "Seconds between passes over each feed.")
    var interval = 60

    @Flag(help: "Make one pass over every feed, then exit (non-zero if a pass failed).")
    var once = false

    @Option(help: ArgumentHelp(
        "Minutes events are held back so that feeds arriving at different delays are examined in event time; alerts come at least this late.",
        valueName: "minutes"))
    var lateness = 180

    @Option(name: .customLong("location-db"), help: ArgumentHelp("The IPFire location database.", valueName: "path"))
    var locationDatabase: String?

    func run() async throws {
        let logger = {
            var logger = Logger(label: "breakwater.serve")
            logger.logLevel = .info
            return logger
        }()
        let store = try archive.openExisting()
        let tenants = try await store.monitoredTenants(in: .all)
        guard !tenants.isEmpty else { throw ValidationError("no tenants to collect from: add one with 'breakwater tenant add'") }
        let box = try key.box(create: false)
        let configuration = try config.map { try DetectionConfiguration(yaml: String(contentsOfFile: $0, encoding: .utf8)) } ?? DetectionConfiguration()
        let intelligence = IPIntelligence(locationDatabase: locationDatabase ?? "/usr/share/libloc-location/location.db")
        for warning in intelligence.warnings { logger.warning("IP intelligence degraded", metadata: ["error.description": "\(warning)"]) }
        let enricher = Enricher(intelligence: intelligence)
        let metrics = CollectionMetrics()
        // Downloaded blobs wait here to be read: a new directory only the operator can open.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("breakwater-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: scratch) }

        let crashPoint = Self.crashPoint()
        try await withMicrosoftHTTPClient { http in
            var transports: [String: MicrosoftTransport] = [:]
            var collections: [(TenantCollection, ServiceClock)] = []
            for tenant in tenants {
                let endpoints = try Self.endpoints(of: tenant)
                let transport = transports[tenant.cloud] ?? MicrosoftTransport(httpClient: http, endpoints: endpoints, logger: logger)
                transports[tenant.cloud] = transport
                collections.append((
                    try await TenantCollection.make(
                        tenant: tenant, credentials: try Self.credentials(of: tenant, box: box), endpoints: endpoints, transport: transport,
                        store: store, configuration: configuration, lateness: .seconds(60 * lateness), enricher: enricher, scratch: scratch,
                        metrics: metrics, logger: logger, observer: crashPoint),
                    ServiceClock(http: http, probe: endpoints.managementAPI)))
            }
            let collecting = CollectingService(collections: collections, once: once, interval: .seconds(interval))
            if once {
                if await !collecting.collect() { throw ExitCode(1) }
                return
            }
            let router = Router()
            router.get("/metrics") { _, _ in metrics.prometheusText(now: Timestamp(Date())) }
            router.get("/healthz") { _, _ in "ok" }
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: metricsPort)),
                onServerRunning: { channel in logger.notice("Serving metrics", metadata: ["metrics.port": "\(channel.localAddress?.port ?? metricsPort)"]) },
                logger: logger)
            let group = ServiceGroup(
                configuration: .init(services: [app, collecting], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }

    /// For crash tests: `BREAKWATER_TEST_KILL_AT=<milestone>:<n>` kills the process (SIGKILL,
    /// as a power cut would) when the n-th milestone of that kind is reached.
    static func crashPoint() -> MilestoneObserver? {
        guard let setting = ProcessInfo.processInfo.environment["BREAKWATER_TEST_KILL_AT"] else { return nil }
        let parts = setting.split(separator: ":")
        guard parts.count == 2, let milestone = CollectionMilestone(rawValue: String(parts[0])), let target = Int(parts[1]) else { return nil }
        let reached = Mutex(0)
        return { passed in
            guard passed == milestone else { return }
            if reached.withLock({ count in
                count += 1
                return count
            }) == target {
                kill(getpid(), SIGKILL)
            }
        }
    }

    /// The cloud of `tenant`: a named one, or a base URL (the simulator).
    static func endpoints(of tenant: MonitoredTenant) throws -> CloudEndpoints {
        if let named = CloudEndpoints.named(tenant.cloud) { return named }
        guard let base = URL(string: tenant.cloud) else { throw ValidationError("tenant \(tenant.id) has an unknown cloud '\(tenant.cloud)'") }
        return .simulator(at: base)
    }

    /// The tenant's credentials, unsealed.
    static func credentials(of tenant: MonitoredTenant, box: SecretBox) throws -> TenantCredentials {
        let opened = try box.open(tenant.credential.sealed, tenant: tenant.id, purpose: tenant.credential.kind.rawValue)
        switch tenant.credential.kind {
        case .secret:
            return TenantCredentials(tenant: tenant.id, clientID: tenant.clientID, proof: .secret(ClientSecret(String(decoding: opened, as: UTF8.self))))
        case .certificate:
            let certificate = try ClientCertificate(
                privateKeyPEM: String(decoding: opened, as: UTF8.self), certificate: Array(tenant.credential.certificate ?? Data()))
            return TenantCredentials(tenant: tenant.id, clientID: tenant.clientID, proof: .certificate(certificate))
        }
    }
}

/// The collectors of every tenant as one service: stops taking new passes at graceful shutdown.
struct CollectingService: Service {
    /// Each tenant's collectors, and the clock of the service it is collected from.
    let collections: [(TenantCollection, ServiceClock)]
    let once: Bool
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown { _ = await collect() }
    }

    /// Runs every tenant's collectors; returns whether every feed's last pass succeeded.
    func collect() async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            for (collection, clock) in collections {
                group.addTask {
                    await collection.run(once: once, interval: interval, clock: { await clock.now() }, sleep: { try await Task.sleep(for: $0) })
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
    }
}
