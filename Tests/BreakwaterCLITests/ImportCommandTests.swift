import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import M365Simulator
import Testing

@Suite("breakwater import")
struct ImportCommandTests {
    let runner = CommandRunner()

    /// A JSON Lines file of `count` generated records, with a few broken lines.
    static func writeRecords(_ count: Int, to path: String, broken: Set<Int> = []) throws {
        let organization = SyntheticOrganization(seed: 4, userCount: 40, tenant: TenantID("9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11"))
        var generator = AuditRecordGenerator(organization: organization, seed: 4, start: Timestamp(iso8601: "2026-11-01T00:00:00Z")!)
        var bytes: [UInt8] = []
        for index in 0..<count {
            let record = generator.next()
            bytes += broken.contains(index) ? Array(record.prefix(60)) : record
            bytes.append(0x0A)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("prints a JSON summary with the counts and exits 0 even with quarantined records")
    func jsonSummary() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("r.jsonl")
        try Self.writeRecords(200, to: file, broken: [10, 150])
        let result = try runner.run(["import", "--db", directory.file("a.sqlite"), "--json", file])
        #expect(result.status == 0, "\(result.standardError)")
        let summary = try JSONValue(parsing: result.standardOutput)
        #expect(summary["records"] == .number("200"))
        #expect(summary["inserted"] == .number("198"))
        #expect(summary["duplicates"] == .number("0"))
        #expect(summary["quarantined"] == .number("2"))
        #expect(summary["workloads"]?["Exchange"]?["records"] != nil)
        #expect(summary["files"]?.arrayValue?.count == 1)
        let again = try JSONValue(parsing: try runner.run(["import", "--db", directory.file("a.sqlite"), "--json", file]).standardOutput)
        #expect(again["inserted"] == .number("0"))
        #expect(again["duplicates"] == .number("198"))
    }

    @Test("summarises an import for people, per workload")
    func textSummary() throws {
        let directory = try TemporaryDirectory()
        let result = try runner.run(["import", "--db", directory.file("a.sqlite"), Fixture.path("bec-story.jsonl")])
        #expect(result.status == 0)
        // Timings vary; everything else is pinned.
        let lines = result.standardOutput.split(separator: "\n").filter { !$0.contains("records/s") }
        Golden.check(lines.joined(separator: "\n").replacingOccurrences(of: Fixture.path("bec-story.jsonl"), with: "bec-story.jsonl") + "\n", named: "import-summary.txt")
    }

    @Test("fails with a clear message for a file it cannot read or does not recognise, and still imports the others")
    func badFiles() throws {
        let directory = try TemporaryDirectory()
        let notes = try directory.write("notes.txt", "Meeting notes\nnothing here\n")
        let result = try runner.run([
            "import", "--db", directory.file("a.sqlite"), directory.file("missing.json"), notes, Fixture.path("bec-story.jsonl"),
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("missing.json: cannot open"))
        #expect(result.standardError.contains("notes.txt: not an audit log"))
        #expect(result.standardError.contains("Purview audit search CSV exports"))
        #expect(result.standardOutput.contains("12 records read: 12 inserted"))
    }

    @Test("refuses a --tenant that is not a tenant GUID")
    func badTenant() throws {
        let result = try runner.run(["import", "--tenant", "contoso.com", Fixture.path("bec-story.jsonl")])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--tenant"))
    }

    @Test("uses BREAKWATER_DB when --db is not given")
    func environmentDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("env.sqlite")
        let result = try runner.run(["import", Fixture.path("bec-story.jsonl")], environment: ["BREAKWATER_DB": path])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("an import killed at any point resumes and ends with the archive an uninterrupted import makes", arguments: [1, 333, 1200, 2999, 4998])
    func killAndResume(_ killAfter: Int) async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("r.jsonl")
        try Self.writeRecords(5000, to: file, broken: [7, 2000, 4999])
        let reference = directory.file("reference.sqlite")
        let uninterrupted = try runner.run(["import", "--db", reference, "--batch-size", "100", "--json", file])
        #expect(uninterrupted.status == 0)

        let archive = directory.file("killed.sqlite")
        let killed = try runner.run(
            ["import", "--db", archive, "--batch-size", "100", file], environment: ["BREAKWATER_TEST_KILL_AFTER_RECORDS": String(killAfter)])
        #expect(killed.wasSignalled)
        #expect(killed.status == 9)
        let resumed = try runner.run(["import", "--db", archive, "--batch-size", "100", "--json", file])
        #expect(resumed.status == 0)
        let resumedSummary = try JSONValue(parsing: resumed.standardOutput)
        #expect(resumedSummary["files"]?.arrayValue?.first?["resumed"] == .bool(true))
        let expectedSummary = try JSONValue(parsing: uninterrupted.standardOutput)
        for key in ["records", "inserted", "duplicates", "quarantined", "workloads"] {
            #expect(resumedSummary[key] == expectedSummary[key], "\(key)")
        }
        #expect(try await ArchiveSnapshot.of(SQLiteStore(path: archive)) == ArchiveSnapshot.of(SQLiteStore(path: reference)))
    }

    @Test("two imports of the same file running at once store every record once")
    func concurrentImports() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("r.jsonl")
        try Self.writeRecords(3000, to: file)
        let archive = directory.file("shared.sqlite")
        let runner = self.runner
        let results = try await withThrowingTaskGroup(of: CommandRunner.Outcome.self) { group in
            for _ in 0..<2 {
                group.addTask { try runner.run(["import", "--db", archive, "--batch-size", "200", "--json", file]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 })
        let inserted = try results.map { try JSONValue(parsing: $0.standardOutput)["inserted"]?.scalarText.flatMap(Int.init) ?? -1 }
        #expect(inserted.reduce(0, +) == 3000)
        #expect(try await SQLiteStore(path: archive).eventCount(in: .all) == 3000)
    }
}
