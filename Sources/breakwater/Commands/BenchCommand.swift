import ArgumentParser
import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation
import M365Simulator
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `breakwater bench`: measures throughput on generated records.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure import and investigation throughput (records/s, peak memory) on generated records.",
        subcommands: [BenchImportCommand.self, BenchInvestigateCommand.self],
        defaultSubcommand: BenchImportCommand.self)
}

/// `breakwater bench import`: measures import throughput on generated records.
struct BenchImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Measure import throughput (records/s, MB/s, peak memory) on generated audit records.",
        discussion: """
            Generates a realistic mix of unified audit log records (sign-ins, mailbox access, \
            SharePoint file activity, Teams, admin cmdlets; 1–2 KB each) into a temporary file, \
            then imports it into a new temporary archive: decode, normalize and store, end to \
            end, on one core. Generation is not timed. Run it at two sizes to see that memory \
            does not grow with the file.
            """)

    @Option(help: "How many records to generate.")
    var records = 1_000_000

    @Option(help: "The file layout: jsonl, blob (a JSON array, as the Management Activity API serves) or csv (Purview export).")
    var layout: BenchLayout = .jsonl

    @Option(help: ArgumentHelp("Where to put the temporary files (default: the system's temporary directory).", valueName: "directory"))
    var directory: String?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Import this file instead of generating one (any format `import` reads).", valueName: "file"))
    var input: String?

    @Flag(help: "Decode and normalize only, storing nothing: shows how the time splits between decoding and the archive.")
    var decodeOnly = false

    @Flag(help: "Keep the generated file and archive (their directory is printed) instead of deleting them.")
    var keepFiles = false

    func run() async throws {
        let base = directory ?? NSTemporaryDirectory()
        let workDirectory = (base as NSString).appendingPathComponent("breakwater-bench-\(getpid())")
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        defer {
            if keepFiles {
                FileHandle.standardError.write(Data("kept: \(workDirectory)\n".utf8))
            } else {
                try? FileManager.default.removeItem(atPath: workDirectory)
            }
        }
        let file: String
        let bytes: Int
        if let input {
            file = input
            bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
        } else {
            file = (workDirectory as NSString).appendingPathComponent("records.\(layout.rawValue)")
            bytes = try BenchFile.write(records: records, layout: layout, to: file)
        }

        let store: any Store =
            decodeOnly ? DiscardingStore() : try SQLiteStore(path: (workDirectory as NSString).appendingPathComponent("bench.sqlite"))
        let cpuBefore = ProcessUsage.cpuSeconds()
        let started = ContinuousClock.now
        let summary = try await FileImporter(store: store).importFile(at: file)
        let seconds = Format.seconds(started.duration(to: .now))
        let cpu = ProcessUsage.cpuSeconds() - cpuBefore
        let peakMiB = ProcessUsage.peakResidentMiB()

        let rate = Double(summary.totals.records) / seconds
        let megabytesPerSecond = Double(bytes) / 1_048_576 / seconds
        if json {
            print(
                JSONValue.object([
                    .init(key: "records", value: .number(String(summary.totals.records))),
                    .init(key: "inserted", value: .number(String(summary.totals.inserted))),
                    .init(key: "layout", value: .string(layout.rawValue)),
                    .init(key: "bytes", value: .number(String(bytes))),
                    .init(key: "seconds", value: .number(String(format: "%.3f", seconds))),
                    .init(key: "cpuSeconds", value: .number(String(format: "%.3f", cpu))),
                    .init(key: "recordsPerSecond", value: .number(String(Int(rate)))),
                    .init(key: "megabytesPerSecond", value: .number(String(format: "%.1f", megabytesPerSecond))),
                    .init(key: "peakResidentMiB", value: .number(String(format: "%.1f", peakMiB))),
                ]).jsonText)
        } else {
            print("Imported \(Format.count(summary.totals.records)) records (\(String(format: "%.1f", Double(bytes) / 1_048_576)) MB, \(summary.format?.description ?? "empty")), \(Format.count(summary.totals.inserted)) inserted")
            print("  wall   \(String(format: "%.2f", seconds)) s: \(Format.count(Int(rate))) records/s, \(String(format: "%.1f", megabytesPerSecond)) MB/s")
            print("  cpu    \(String(format: "%.2f", cpu)) s (user + system, all threads)")
            print("  memory \(String(format: "%.1f", peakMiB)) MiB peak resident (whole process)")
        }
    }
}

/// File layouts the benchmark can generate.
enum BenchLayout: String, ExpressibleByArgument, CaseIterable {
    case jsonl, blob, csv
}

/// Writes generated records to a file in a chosen layout.
enum BenchFile {
    /// Writes `records` generated records and returns the file's size in bytes.
    static func write(records: Int, layout: BenchLayout, to path: String) throws -> Int {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        defer { try? handle.close() }
        let organization = SyntheticOrganization(seed: 7, userCount: 500)
        var generator = AuditRecordGenerator(organization: organization, seed: 11, start: Timestamp(iso8601: "2026-11-01T00:00:00Z")!)
        var buffer: [UInt8] = []
        var total = 0
        func flush(force: Bool) {
            guard force || buffer.count >= 1 << 22 else { return }
            handle.write(Data(buffer))
            total += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        switch layout {
        case .jsonl:
            for _ in 0..<records {
                buffer += generator.next()
                buffer.append(0x0A)
                flush(force: false)
            }
        case .blob:
            buffer.append(UInt8(ascii: "["))
            for index in 0..<records {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer += generator.next()
                flush(force: false)
            }
            buffer.append(UInt8(ascii: "]"))
        case .csv:
            buffer += Array("RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\r\n".utf8)
            for index in 0..<records {
                let record = String(decoding: generator.next(), as: UTF8.self)
                buffer += Array(CSVText.row([String(index), "11/1/2026 12:00:00 AM", "1", "Op", "user", record, "", ""]).utf8)
                flush(force: false)
            }
        }
        flush(force: true)
        // Written to disk before timing starts, so that the import does not compete with the
        // kernel writing the generated file back.
        try handle.synchronize()
        return total
    }
}

/// A store that keeps nothing but counts, for timing decoding alone.
private final class DiscardingStore: Store {
    private let totals = Mutex(ImportTotals())

    func write(_ batch: ArchiveBatch) async throws -> ArchiveWriteResult {
        let result = ArchiveWriteResult(inserted: Array(repeating: true, count: batch.events.count))
        var counts = batch.importProgress?.read ?? ImportTotals()
        counts.add(result, of: batch.events)
        totals.withLock { $0.merge(counts) }
        return result
    }

    func events(matching query: EventQuery, after cursor: EventCursor?, limit: Int) async throws -> EventPage {
        EventPage(events: [], next: nil)
    }

    func quarantinedRecords(in scope: TenantScope, limit: Int) async throws -> [QuarantinedRecord] { [] }

    func beginImport(of source: ImportSource) async throws -> ImportRun {
        ImportRun(id: ImportRun.ID(rawValue: 1), resumePoint: .start, totals: ImportTotals(), isResumed: false)
    }

    func finishImport(_ run: ImportRun.ID) async throws -> ImportTotals {
        totals.withLock { $0 }
    }

    func eventCount(in scope: TenantScope) async throws -> Int { 0 }
}
