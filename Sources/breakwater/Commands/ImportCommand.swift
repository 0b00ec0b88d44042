import ArgumentParser
import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `breakwater import`: load exported audit logs into the archive.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exported audit logs into the archive.",
        discussion: """
            Reads, detecting the format of each file: Management Activity API content blobs and \
            JSON arrays of audit records; JSON Lines; Purview audit search CSV exports (both \
            layouts); Search-UnifiedAuditLog output converted to JSON; Graph sign-in logs \
            ({"value":[…]} pages or JSON Lines).

            Records are stored once: importing a file again, or overlapping exports, adds only \
            what is new. A record that cannot be read is kept in the quarantine with its reason \
            and position (see `breakwater quarantine`) and the rest of the file goes on. An \
            import that is interrupted resumes where it stopped when run again.

            Exit status: 0 when every file was read (even with quarantined records); 1 when a \
            file could not be read or is not an audit log.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Option(help: ArgumentHelp(
        "The tenant (directory GUID) the files belong to.",
        discussion: "Records that name another tenant are quarantined; records that name none are given this one. Without it, each record's OrganizationId is used.",
        valueName: "guid"))
    var tenant: TenantID?

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    @Option(help: .hidden)
    var batchSize = 16_384

    @Argument(help: ArgumentHelp("The files to import.", valueName: "file"))
    var files: [String]

    func run() async throws {
        let store = try archive.open()
        var importer = FileImporter(store: store, tenant: tenant, batchSize: batchSize)
        if let crashPoint = ProcessInfo.processInfo.environment["BREAKWATER_TEST_KILL_AFTER_RECORDS"].flatMap(Int.init) {
            // For tests of resuming: die like `kill -9` once this many records have been read.
            importer.recordObserver = { count in
                if count == crashPoint { kill(getpid(), SIGKILL) }
            }
        }
        let progress = ProgressBar.forStandardError()
        let started = ContinuousClock.now
        var summaries: [FileImportSummary] = []
        var failed = false
        for file in files {
            do {
                let summary = try await importer.importFile(at: file) { report in progress?.show(report) }
                progress?.finish()
                summaries.append(summary)
                if !json { print(ImportReport.text(for: summary)) }
            } catch let error as IngestError {
                progress?.finish()
                failed = true
                printError(error.message)
            }
        }
        let elapsed = started.duration(to: .now)
        if json {
            print(ImportReport.json(for: summaries, elapsed: elapsed))
        } else if summaries.count > 1 {
            print(ImportReport.totalText(for: summaries, elapsed: elapsed))
        }
        if failed { throw ExitCode.failure }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("error: " + TerminalText.sanitized(message) + "\n").utf8))
}
