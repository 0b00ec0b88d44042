import ArgumentParser
import BreakwaterDetect
import BreakwaterEnrich
import BreakwaterIngest
import BreakwaterModel
import BreakwaterReport
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation

/// `breakwater investigate`: tell the story of a breach from exported logs or the archive.
struct InvestigateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "investigate",
        abstract: "Detect account takeover in exported logs or the archive, and say what to do.",
        discussion: """
            Reads exports in any format `breakwater import` reads (several files may be given: \
            the audit log and Graph sign-ins together), or the archive with --db. Every \
            detector runs over the records in event time; alerts are gathered into one \
            incident per identity, with its timeline, its risk and the reasons for it, and the \
            four steps to take: sign the user out, reset the password, remove the attacker's \
            rules and forwarding (named, with their conditions and actions), and audit what \
            the attacker touched.

            Addresses are placed with the IPFire location database (Debian: libloc-database); \
            a MaxMind city database adds cities. A missing database makes the results weaker, \
            not wrong, and is reported.

            Exit status: 0 when the investigation ran; 1 when it could not; 2 when --fail-on \
            is given and something at or above that severity was found.
            """)

    @Argument(help: ArgumentHelp("Exported audit logs or sign-in logs to investigate.", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("db"), help: ArgumentHelp("Investigate this archive instead of files.", valueName: "path"))
    var database: String?

    @Option(help: ArgumentHelp(
        "The tenant (directory GUID).",
        discussion: "With files: the tenant of records that name none. With --db: only this tenant.", valueName: "guid"))
    var tenant: TenantID?

    @Option(help: ArgumentHelp("Only records at or after this time (ISO-8601 or an age: 30m, 12h, 7d).", valueName: "time"))
    var since: TimeArgument?

    @Option(help: ArgumentHelp("Only records before this time.", valueName: "time"))
    var until: TimeArgument?

    @Option(help: ArgumentHelp(
        "Detection settings (YAML): domains, allowed countries, trusted networks, detector overrides, suppressions.", valueName: "file"))
    var config: String?

    @Option(help: "Output: text (the story and the checklist) or json ({\"incidents\", \"alerts\"}).")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Also write a self-contained HTML report here.", valueName: "file.html"))
    var report: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit with status 2 when anything at or above this severity is found (informational, low, medium, high, critical).",
        valueName: "severity"))
    var failOn: Severity?

    @Option(name: .customLong("location-db"), help: ArgumentHelp("The libloc location database.", valueName: "path"))
    var locationDatabase = "/usr/share/libloc-location/location.db"

    @Option(name: .customLong("city-db"), help: ArgumentHelp("A MaxMind-format city database (.mmdb), for cities.", valueName: "path"))
    var cityDatabase: String?

    func validate() throws {
        if files.isEmpty && database == nil { throw ValidationError("Give the files to investigate, or --db with an archive.") }
        if !files.isEmpty && database != nil { throw ValidationError("Give either files or --db, not both.") }
    }

    func run() async throws {
        let detection = try loadConfiguration()
        let intelligence = IPIntelligence(locationDatabase: locationDatabase, cityDatabase: cityDatabase)
        var warnings = intelligence.warnings
        let store: any Store
        let scope: TenantScope
        var scratch: TemporaryArchive?
        defer { scratch?.remove() }
        if let database {
            store = try ArchiveOptions.openExisting(database)
            scope = tenant.map { .only([$0]) } ?? .all
        } else {
            let archive = try TemporaryArchive()
            scratch = archive
            store = archive.store
            scope = .all
            warnings += try await read(files, into: archive.store)
        }

        var investigation = Investigation(
            store: store, scope: scope, configuration: detection, enricher: Enricher(intelligence: intelligence))
        investigation.since = since?.timestamp
        investigation.until = until?.timestamp
        let result = try await investigation.run(warnings: warnings)

        switch format {
        case .text: print(TextReport.render(result), terminator: "")
        case .json: print(try JSONReport.render(result), terminator: "")
        }
        if let report {
            do {
                try HTMLReport.render(result).write(toFile: report, atomically: true, encoding: .utf8)
            } catch {
                printError("Cannot write the report to \(report): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
        if let failOn, let highest = result.highestSeverity, highest >= failOn {
            throw ExitCode(2)
        }
    }

    private func loadConfiguration() throws -> DetectionConfiguration {
        guard let config else { return DetectionConfiguration() }
        let text: String
        do {
            text = try String(contentsOfFile: config, encoding: .utf8)
        } catch {
            throw ValidationError("Cannot read the configuration \(config): \(error.localizedDescription)")
        }
        do {
            return try DetectionConfiguration(yaml: text)
        } catch {
            throw ValidationError("\(config): \(error)")
        }
    }

    /// Reads the files into the scratch archive and returns what the operator should know.
    private func read(_ files: [String], into store: SQLiteStore) async throws -> [String] {
        let importer = FileImporter(store: store, tenant: tenant)
        let progress = ProgressBar.forStandardError()
        var warnings: [String] = []
        for file in files {
            do {
                let summary = try await importer.importFile(at: file) { report in progress?.show(report) }
                progress?.finish()
                if summary.totals.quarantined > 0 {
                    warnings.append(
                        "\(file): \(Format.count(summary.totals.quarantined)) record\(summary.totals.quarantined == 1 ? "" : "s") could not be read and were left out (`breakwater import` keeps them in its quarantine with the reason)"
                    )
                }
            } catch let error as IngestError {
                progress?.finish()
                printError(error.message)
                throw ExitCode.failure
            }
        }
        return warnings
    }
}

/// The `--format` choices of `investigate`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

