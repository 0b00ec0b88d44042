import BreakwaterModel
import BreakwaterTesting
import Foundation
import Testing

@Suite("breakwater search")
struct SearchCommandTests {
    let runner = CommandRunner()

    /// An archive holding the BEC story fixture.
    func archive(_ directory: TemporaryDirectory) throws -> String {
        let path = directory.file("a.sqlite")
        let result = try runner.run(["import", "--db", path, Fixture.path("bec-story.jsonl")])
        #expect(result.status == 0)
        return path
    }

    @Test("prints a table, newest first, with attacker-controlled text made harmless")
    func table() throws {
        let directory = try TemporaryDirectory()
        let result = try runner.run(["search", "--db", try archive(directory)])
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("\u{1B}"))
        Golden.check(result.standardOutput, named: "search-table.txt")
    }

    @Test("filters by user, address, operation, workload and time", arguments: [
        (["--user", "MEGAN.BOWEN@contoso.com", "--since", "2026-11-20T09:30:00Z"], 5),
        (["--ip", "203.0.113.0/24"], 9),
        (["--ip", "198.51.100.23"], 1),
        (["--ip", "2001:db8::/32"], 1),
        (["--operation", "new-inboxrule"], 1),
        (["--operation", "add member to role"], 1),
        (["--workload", "sharepoint"], 3),
        (["--since", "2026-11-20T09:00:00Z", "--until", "2026-11-20T09:10:00Z"], 2),
        (["--tenant", "00000000-0000-4000-8000-000000000000"], 0),
        (["--limit", "2"], 2),
    ])
    func filters(_ arguments: [String], expected: Int) throws {
        let directory = try TemporaryDirectory()
        let result = try runner.run(["search", "--db", try archive(directory), "--format", "jsonl"] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == expected, "\(arguments)")
    }

    @Test("prints the original records as JSON Lines, newest first")
    func jsonLines() throws {
        let directory = try TemporaryDirectory()
        let result = try runner.run(["search", "--db", try archive(directory), "--format", "jsonl"])
        let original = try String(contentsOfFile: Fixture.path("bec-story.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
        let printed = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(Set(printed) == Set(original))
        let times = try printed.map { try #require(Timestamp(iso8601: try JSONValue(parsing: $0)["CreationTime"]?.stringValue ?? "")) }
        #expect(times == times.sorted(by: >))
    }

    @Test("prints JSON with the normalized fields and the record")
    func json() throws {
        let directory = try TemporaryDirectory()
        let result = try runner.run(["search", "--db", try archive(directory), "--format", "json", "--operation", "Set-Mailbox"])
        let events = try #require(try JSONValue(parsing: result.standardOutput).arrayValue)
        #expect(events.count == 1)
        let event = events[0]
        #expect(event["time"] == .string("2026-11-20T09:16:40Z"))
        #expect(event["user"] == .string("megan.bowen@contoso.com"))
        #expect(event["ip"] == .string("203.0.113.77"))
        #expect(event["kind"] == .string("mailbox-forwarding-changed"))
        #expect(event["record"]?["Parameters"]?.arrayValue?.count == 3)
        let empty = try runner.run(["search", "--db", try archive(directory), "--format", "json", "--user", "nobody@contoso.com"])
        #expect(try JSONValue(parsing: empty.standardOutput) == .array([]))
    }

    @Test("writes CSV that a spreadsheet cannot run and that imports again")
    func csv() throws {
        let directory = try TemporaryDirectory()
        let result = try runner.run(["search", "--db", try archive(directory), "--format", "csv"])
        #expect(result.status == 0)
        let rows = result.standardOutput.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "CreationDate,RecordId,TenantId,UserId,ClientIP,Operation,Workload,RecordType,Result,ObjectId,AuditData")
        #expect(rows.count == 13)
        let formula = try #require(rows.first { $0.contains("HYPERLINK") })
        #expect(formula.contains(",\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"Invoice\"\")\u{1B}[2J.xlsx\","))
        let export = try directory.write("export.csv", result.standardOutput)
        let reimport = try runner.run(["import", "--db", directory.file("b.sqlite"), "--json", export])
        #expect(try JSONValue(parsing: reimport.standardOutput)["inserted"] == .number("12"))
        let back = try runner.run(["search", "--db", directory.file("b.sqlite"), "--format", "csv"])
        #expect(back.standardOutput == result.standardOutput)
    }

    @Test("rejects an address that is not one")
    func badAddress() throws {
        let result = try runner.run(["search", "--ip", "10.0.0.0/99"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--ip"))
    }

    @Test("lists quarantined records with reason and position")
    func quarantine() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("r.jsonl")
        try ImportCommandTests.writeRecords(20, to: file, broken: [3])
        let db = directory.file("a.sqlite")
        _ = try runner.run(["import", "--db", db, file])
        let result = try runner.run(["quarantine", "--db", db])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("r.jsonl line 4, byte "))
        #expect(result.standardOutput.contains("[malformed-json]"))
    }

    @Test("explains itself in --help")
    func help() throws {
        Golden.check(try runner.run(["--help"]).standardOutput, named: "help.txt")
        Golden.check(try runner.run(["import", "--help"]).standardOutput, named: "help-import.txt")
        Golden.check(try runner.run(["search", "--help"]).standardOutput, named: "help-search.txt")
    }
}
