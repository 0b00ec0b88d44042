import ArgumentParser
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation

/// `breakwater quarantine`: the records that could not be read.
struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List quarantined records: what could not be read, why, and where it is.")

    @OptionGroup var archive: ArchiveOptions

    @Option(help: ArgumentHelp("Only this tenant's records.", valueName: "guid"))
    var tenant: TenantID?

    @Option(help: "At most this many, newest first.")
    var limit = 50

    @Flag(help: "Also print each record's bytes as read (control characters escaped).")
    var raw = false

    func run() async throws {
        let store = try archive.openExisting()
        let records = try await store.quarantinedRecords(in: tenant.map { .only([$0]) } ?? .all, limit: limit)
        if records.isEmpty {
            print("The quarantine is empty.")
            return
        }
        for record in records {
            let size = record.length == record.raw.count ? "\(record.length) bytes" : "\(record.length) bytes, \(record.raw.count) kept"
            print("\(TerminalText.sanitized(record.source.name)) \(record.position) (\(size)) [\(record.reason.code)]")
            print("  \(TerminalText.sanitized(record.reason.message))")
            if raw {
                print("  " + TerminalText.sanitized(String(decoding: record.raw.prefix(4096), as: UTF8.self)))
            }
        }
    }
}
