import ArgumentParser
import BreakwaterDetect
import BreakwaterEnrich
import BreakwaterIngest
import BreakwaterModel
import BreakwaterReport
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation
import M365Simulator

/// `breakwater bench investigate`: measures detection on a simulated company.
struct BenchInvestigateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "investigate",
        abstract: "Measure detection throughput with every detector on (records/s, peak memory) on a simulated company.",
        discussion: """
            Simulates a company (`breakwater simulate export`; --scale 10 is about 400 people and \
            a million records a month), then measures two things.

            detect: the records, generated in time order in memory, are read into events, \
            enriched and run through the engine with every detector on, on one core; the time \
            of each step is reported. Memory follows the number of identities: compare --days \
            30 with --days 60.

            investigate: `breakwater investigate` end to end on the written files — read into \
            a temporary archive, streamed back oldest first, enriched, detected, gathered into \
            incidents, and the period of the serious ones read again for their footprints.
            """)

    @Option(help: "Multiplies the simulated staff and volume (1: about forty people).")
    var scale = 10

    @Option(help: "How many days to simulate.")
    var days = 30

    @Option(help: "Which measurement: detect, investigate or both.")
    var stage: BenchStage = .both

    @Option(help: ArgumentHelp("Where to put the temporary files (default: the system's temporary directory).", valueName: "directory"))
    var directory: String?

    func run() async throws {
        let scenario = Scenario(ScenarioConfiguration(seed: 2026, days: days, scale: scale))
        let intelligence = IPIntelligence()
        for warning in intelligence.warnings { printError("warning: \(warning)") }
        let enricher = Enricher(intelligence: intelligence)
        if stage != .investigate { try measureDetection(scenario, enricher: enricher) }
        if stage != .detect { try await measureInvestigation(scenario, enricher: enricher) }
    }

    /// The engine alone: records already in memory, one core.
    private func measureDetection(_ scenario: Scenario, enricher: Enricher) throws {
        var engine = DetectionEngine(state: DetectionState(lateness: .zero))
        var batch: [Event] = []
        var records = 0
        var alerts = 0
        var reading = Duration.zero
        var enriching = Duration.zero
        var detecting = Duration.zero
        let clock = ContinuousClock()
        let tenant = scenario.configuration.tenant
        func flush() {
            var events = batch
            batch.removeAll(keepingCapacity: true)
            enriching += clock.measure { enricher.enrich(&events) }
            detecting += clock.measure { alerts += engine.process(events).count }
        }
        try scenario.forEachRecord { generated in
            let started = clock.now
            let record =
                switch generated.feed {
                case .auditLog: try AuditRecord(unifiedAuditLogJSON: generated.json)
                case .signIns: try AuditRecord(graphSignInJSON: generated.json)
                }
            batch.append(Event(record: record, tenant: tenant))
            reading += started.duration(to: clock.now)
            records += 1
            if batch.count == 4096 { flush() }
        }
        flush()
        detecting += clock.measure { alerts += engine.flush().count }
        let total = reading + enriching + detecting
        print("detect: \(Format.count(records)) records, \(Format.count(engine.state.identityCount)) identities, \(Format.count(alerts)) alerts")
        for (name, duration) in [("read + normalize", reading), ("enrich", enriching), ("detect (all detectors)", detecting), ("total", total)] {
            let seconds = Format.seconds(duration)
            print("  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(String(format: "%7.2f", seconds)) s  \(Format.count(Int(Double(records) / seconds))) records/s")
        }
        print("  memory \(String(format: "%.1f", ProcessUsage.peakResidentMiB())) MiB peak resident (whole process)")
    }

    /// `breakwater investigate` end to end on the written files.
    private func measureInvestigation(_ scenario: Scenario, enricher: Enricher) async throws {
        let base = directory ?? NSTemporaryDirectory()
        let work = (base as NSString).appendingPathComponent("breakwater-bench-investigate-\(getpid())")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try ScenarioWriter.write(scenario, to: work, formats: [.auditLog, .signIns])
        let files = ["audit.jsonl", "signins.jsonl"].map { (work as NSString).appendingPathComponent($0) }

        let cpuBefore = ProcessUsage.cpuSeconds()
        let clock = ContinuousClock()
        let started = clock.now
        let store = try SQLiteStore(path: (work as NSString).appendingPathComponent("archive.sqlite"))
        let importer = FileImporter(store: store)
        for file in files {
            _ = try await importer.importFile(at: file)
        }
        let imported = clock.now
        let investigation = Investigation(store: store, scope: .all, configuration: DetectionConfiguration(), enricher: enricher)
        let report = try await investigation.run(warnings: [])
        let finished = clock.now
        let cpu = ProcessUsage.cpuSeconds() - cpuBefore
        let records = report.recordCount
        let total = Format.seconds(started.duration(to: finished))
        print("investigate: \(Format.count(records)) records, \(report.incidents.count) incidents, \(report.alerts.count) alerts")
        print("  read into the archive   \(String(format: "%7.2f", Format.seconds(started.duration(to: imported)))) s")
        print("  detect and footprints   \(String(format: "%7.2f", Format.seconds(imported.duration(to: finished)))) s  \(Format.count(Int(Double(records) / Format.seconds(imported.duration(to: finished))))) records/s")
        print("  total                   \(String(format: "%7.2f", total)) s  \(Format.count(Int(Double(records) / total))) records/s")
        print("  cpu    \(String(format: "%.2f", cpu)) s (user + system, all threads): \(Format.count(Int(Double(records) / cpu))) records per CPU-second")
        print("  memory \(String(format: "%.1f", ProcessUsage.peakResidentMiB())) MiB peak resident (whole process)")
    }
}

/// Which measurement `bench investigate` makes.
enum BenchStage: String, ExpressibleByArgument, CaseIterable {
    case detect, investigate, both
}
