public import BreakwaterDetect
public import BreakwaterEnrich
public import BreakwaterGraph
public import BreakwaterModel
public import BreakwaterStore
public import Foundation
public import Logging

/// Everything that collects one tenant: its pipeline, a collector per audit content type and
/// one for sign-ins, each running on its own so that a slow or failing feed stalls no other.
public struct TenantCollection: Sendable {
    public let tenant: MonitoredTenant
    public let audit: [AuditFeedCollector]
    public let signIns: SignInCollector
    public let logger: Logger

    /// Builds the collectors of `tenant` with its unsealed `credentials`.
    public static func make(
        tenant: MonitoredTenant, credentials: TenantCredentials, endpoints: CloudEndpoints, transport: MicrosoftTransport,
        store: any CollectionStore, configuration: DetectionConfiguration, lateness: Duration = .seconds(3 * 3600), enricher: Enricher, scratch: URL,
        metrics: CollectionMetrics, logger: Logger, observer: MilestoneObserver? = nil
    ) async throws -> TenantCollection {
        var logger = logger
        logger[metadataKey: "tenant.id"] = "\(tenant.id)"
        let (pipeline, warning) = try await TenantPipeline.resume(
            tenant: tenant.id, store: store, configuration: configuration, enricher: enricher, lateness: lateness, observer: observer)
        if let warning { logger.info("Saved detection state unreadable; detection starts afresh", metadata: ["error.description": "\(warning.debugDescription)"]) }
        let management = ManagementActivityClient(transport: transport, endpoints: endpoints, credentials: credentials, publisherIdentifier: tenant.publisherID)
        let audit = CollectionStream.auditContentTypes.map { stream in
            var collector = AuditFeedCollector(
                contentType: ContentType(rawValue: stream.rawValue), client: management, pipeline: pipeline, store: store, scratch: scratch,
                metrics: metrics, logger: logger)
            collector.observer = observer
            return collector
        }
        let graph = GraphClient(transport: transport, endpoints: endpoints, credentials: credentials)
        let signIns = SignInCollector(client: graph, pipeline: pipeline, store: store, metrics: metrics, logger: logger)
        return TenantCollection(tenant: tenant, audit: audit, signIns: signIns, logger: logger)
    }

    /// Runs every collector of the tenant: one pass each when `once`, else a pass every
    /// `interval` until the task is cancelled. A pass that fails is logged and tried again at
    /// the next interval; it never stops the other feeds.
    ///
    /// - Returns: whether every feed's last pass succeeded.
    @discardableResult
    public func run(once: Bool, interval: Duration, clock: @escaping @Sendable () async -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            for collector in audit {
                group.addTask {
                    // No start call here: the API asks not to repeat one within 15 minutes, and a
                    // listing that finds no subscription (AF20022, AF20023) starts it itself.
                    await Self.repeatPasses(once: once, interval: interval, sleep: sleep, logger: collector.logger, feed: "\(collector.contentType)") {
                        try await collector.collect(now: await clock())
                        return true
                    }
                }
            }
            group.addTask {
                await Self.repeatPasses(once: once, interval: interval, sleep: sleep, logger: logger, feed: "SignIns") {
                    try await signIns.collect(now: await clock()) != .unlicensed
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
    }

    /// Calls `pass` once, or every `interval` until cancelled or until it returns `false`
    /// (nothing more to collect). Returns whether the last pass succeeded.
    private static func repeatPasses(
        once: Bool, interval: Duration, sleep: @Sendable (Duration) async throws -> Void, logger: Logger, feed: String,
        _ pass: () async throws -> Bool
    ) async -> Bool {
        var succeeded = true
        while !Task.isCancelled {
            do {
                succeeded = true
                guard try await pass() else { return true }
            } catch is CancellationError {
                return false
            } catch {
                succeeded = false
                logger.info("Collection pass failed; trying again at the next interval", metadata: ["feed.content_type": "\(feed)", "error.code": "\(ErrorCode.of(error))"])
                logger.debug("Collection pass failure", metadata: ["feed.content_type": "\(feed)", "error.description": "\(String(describing: error).debugDescription)"])
            }
            if once { return succeeded }
            do { try await sleep(interval) } catch { return succeeded }
        }
        return succeeded
    }
}
