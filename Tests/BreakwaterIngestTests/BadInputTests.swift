import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterTesting
import Foundation
import M365Simulator
import Testing

/// Every malformed input ends in a clear reason and loses nothing else.
@Suite("Bad input")
struct BadInputTests {
    /// Generated records, one JSON text each.
    static func records(_ count: Int, seed: UInt64 = 3) -> [[UInt8]] {
        let organization = SyntheticOrganization(seed: seed, userCount: 20, tenant: ImportHarness.contoso)
        var generator = AuditRecordGenerator(organization: organization, seed: seed, start: Timestamp(iso8601: "2026-11-01T00:00:00Z")!)
        return (0..<count).map { _ in generator.next() }
    }

    static func jsonLines(_ records: [[UInt8]]) -> [UInt8] {
        records.flatMap { $0 + [0x0A] }
    }

    static func array(_ records: [[UInt8]]) -> [UInt8] {
        [UInt8(ascii: "[")] + records.enumerated().flatMap { ($0.offset > 0 ? [UInt8(ascii: ",")] : []) + $0.element } + [UInt8(ascii: "]")]
    }

    @Test("a truncated content blob keeps every whole record and quarantines the cut one")
    func truncatedArray() async throws {
        let records = Self.records(5)
        let whole = Self.array(records)
        let cutAt = 1 + records[0].count + 1 + records[1].count + 1 + 40  // 40 bytes into the third record
        let directory = try TemporaryDirectory()
        let path = try directory.write("cut.json", whole.prefix(cutAt))
        let harness = try ImportHarness()
        let summary = try await harness.importFile(path)
        #expect(summary.totals.inserted == 2)
        #expect(summary.totals.quarantined == 1)
        let quarantined = try #require(try await harness.quarantine().first)
        #expect(quarantined.reason.code == "truncated")
        #expect(quarantined.position == SourcePosition(line: 1, byteOffset: Int64(cutAt - 40)))
        #expect(quarantined.raw == Array(records[2].prefix(40)))
    }

    @Test("a JSON Lines file with broken lines quarantines those lines and reads the rest")
    func brokenLines() async throws {
        var records = Self.records(6)
        records[1] = Array(records[1].prefix(100))  // truncated line
        records[3] = Array(#"{"Id":"x","CreationTime":"2026-01-01T00:00:00","Operation":tru}"#.utf8)  // bad literal
        records[4] = Array("this is not json".utf8)
        let directory = try TemporaryDirectory()
        let path = try directory.write("broken.jsonl", Self.jsonLines(records))
        let harness = try ImportHarness()
        let summary = try await harness.importFile(path)
        #expect(summary.totals.records == 6)
        #expect(summary.totals.inserted == 3)
        let quarantine = try await harness.quarantine().sorted { $0.position.line < $1.position.line }
        #expect(quarantine.map(\.position.line) == [2, 4, 5])
        #expect(quarantine.allSatisfy { $0.reason.code == "malformed-json" })
        #expect(quarantine[0].raw == records[1])
        #expect(quarantine[1].reason.message.contains("expected"))
    }

    @Test("invalid UTF-8 is quarantined with where it is")
    func invalidUTF8() async throws {
        var records = Self.records(3)
        let marker = Array(#""Operation":""#.utf8)
        let at = try #require(records[1].firstRange(of: marker)).upperBound
        records[1].insert(contentsOf: [0xFF, 0xFE], at: at)
        let directory = try TemporaryDirectory()
        let path = try directory.write("utf8.jsonl", Self.jsonLines(records))
        let harness = try ImportHarness()
        let summary = try await harness.importFile(path)
        #expect(summary.totals.inserted == 2)
        let quarantined = try #require(try await harness.quarantine().first)
        #expect(quarantined.reason.message.contains("invalid UTF-8"))
        #expect(quarantined.reason.message.contains("byte \(at)"))
        #expect(quarantined.position.line == 2)
        #expect(quarantined.raw == records[1])
    }

    @Test("a record without an Id is quarantined; records of other kinds are kept as generic events")
    func missingID() async throws {
        let directory = try TemporaryDirectory()
        let lines = """
            {"CreationTime":"2026-11-20T10:00:00","Operation":"FileAccessed","OrganizationId":"9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11"}
            {"Id":"a1b2c3d4-0000-4000-8000-000000000001","CreationTime":"2026-11-20T10:00:01","Operation":"Brand new thing","RecordType":4242,"OrganizationId":"9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11"}
            [1,2,3]
            """
        let harness = try ImportHarness()
        let summary = try await harness.importFile(try directory.write("mixed.jsonl", lines))
        #expect(summary.totals.inserted == 1)
        #expect(Set(try await harness.quarantine().map(\.reason.code)) == ["missing-id", "not-an-object"])
        let event = try #require(try await harness.events().first)
        #expect(event.kind == .other)
        #expect(event.recordType.rawValue == 4242)
    }

    @Test("a single 50 MB line holding a content blob imports in full")
    func hugeSingleLineBlob() async throws {
        var records: [[UInt8]] = []
        var size = 0
        let organization = SyntheticOrganization(seed: 9, userCount: 50, tenant: ImportHarness.contoso)
        var generator = AuditRecordGenerator(organization: organization, seed: 9, start: Timestamp(iso8601: "2026-11-01T00:00:00Z")!)
        while size < 50 << 20 {
            let record = generator.next()
            size += record.count + 1
            records.append(record)
        }
        let directory = try TemporaryDirectory()
        let path = try directory.write("blob.json", Self.array(records))
        let harness = try ImportHarness()
        let summary = try await harness.importFile(path)
        #expect(summary.totals.records == records.count)
        #expect(summary.totals.inserted == records.count)
        #expect(summary.totals.quarantined == 0)
    }

    @Test("a line longer than the record limit is quarantined as a sample without holding it in memory")
    func oversizedLine() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("huge.jsonl")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let records = Self.records(2)
        handle.write(Data(records[0] + [0x0A]))
        handle.write(Data(#"{"Id":"big","CreationTime":"2026-01-01T00:00:00","Junk":""#.utf8))
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<(RecordDecoderLimits.maximumRecordBytes >> 20) + 2 { handle.write(chunk) }
        handle.write(Data(#""}"#.utf8 + [0x0A]))
        handle.write(Data(records[1] + [0x0A]))
        try handle.close()
        let harness = try ImportHarness()
        let summary = try await harness.importFile(path)
        #expect(summary.totals.inserted == 2)
        let quarantined = try #require(try await harness.quarantine().first)
        #expect(quarantined.reason.code == "too-large")
        #expect(quarantined.raw.count == RecordDecoderLimits.oversizedSampleBytes)
        #expect(quarantined.length > RecordDecoderLimits.maximumRecordBytes)
        #expect(quarantined.position == SourcePosition(line: 2, byteOffset: Int64(records[0].count + 1)))
    }

    @Test("a broken record inside a one-line content blob is set aside and the records after it are read")
    func brokenElementInBlob() async throws {
        var records = Self.records(4)
        records[1] = Array(#"{"Id":"x","CreationTime":"2026-01-01T00:00:00","Op":tru,"Nested":{"a":[1,2]}}"#.utf8)
        records[2] = Array(#"{"Id":"y","CreationTime":"2026-01-01T00:00:00","Bad":[1,2}"#.utf8)  // brackets do not balance
        let directory = try TemporaryDirectory()
        let harness = try ImportHarness()
        let summary = try await harness.importFile(try directory.write("blob.json", Self.array(records)))
        #expect(summary.totals.inserted == 2)
        #expect(summary.totals.quarantined == 2)
        let raws = try await harness.quarantine().map { String(decoding: $0.raw, as: UTF8.self) }.sorted()
        #expect(raws[0] == String(decoding: records[1], as: UTF8.self))
        #expect(raws[1].hasPrefix(#"{"Id":"y""#))
    }

    @Test("a CSV row with a broken quote is set aside and its neighbours survive")
    func brokenQuote() async throws {
        let records = Self.records(4).map { String(decoding: $0, as: UTF8.self) }
        var csv = "RecordId,CreationDate,RecordType,Operation,UserId,AuditData\r\n"
        for (index, record) in records.enumerated() {
            let cell = "\"" + record.replacingOccurrences(of: "\"", with: "\"\"") + (index == 1 ? "" : "\"")
            csv += "\(index),11/1/2026 12:00:00 AM,1,Op,user,\(cell)\r\n"
        }
        let directory = try TemporaryDirectory()
        let harness = try ImportHarness()
        let summary = try await harness.importFile(try directory.write("broken.csv", csv))
        #expect(summary.totals.inserted == 3)
        #expect(summary.totals.quarantined == 1)
        let quarantined = try #require(try await harness.quarantine().first)
        #expect(quarantined.reason.code == "malformed-csv")
        #expect(quarantined.position.line == 3)
    }

    @Test("a CSV row without AuditData, or with AuditData that is not a record, is quarantined")
    func csvWithoutRecord() async throws {
        let record = String(decoding: Self.records(1)[0], as: UTF8.self).replacingOccurrences(of: "\"", with: "\"\"")
        let csv = "CreationDate,UserIds,Operations,AuditData\n1/1/2026,a,b\n1/1/2026,a,b,\"{\"\"nope\"\": 1}\"\n1/1/2026,a,b,\"\(record)\"\n\n"
        let directory = try TemporaryDirectory()
        let harness = try ImportHarness()
        let summary = try await harness.importFile(try directory.write("partial.csv", csv))
        #expect(summary.totals.inserted == 1)
        #expect(Set(try await harness.quarantine().map(\.reason.code)) == ["missing-audit-data", "missing-id"])
    }

    @Test("records of another tenant than --tenant are quarantined; records naming none need --tenant")
    func tenants() async throws {
        let other = TenantID("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")!
        let records = Self.records(2)
        let withoutTenant = Array(#"{"Id":"c0000000-0000-4000-8000-000000000001","CreationTime":"2026-01-01T00:00:00","Operation":"X"}"#.utf8)
        let directory = try TemporaryDirectory()
        let path = try directory.write("t.jsonl", Self.jsonLines(records + [withoutTenant]))
        let strict = try ImportHarness()
        let wrongTenant = try await strict.importFile(path, tenant: other)
        #expect(wrongTenant.totals.inserted == 1)  // only the record that names no tenant
        #expect(try await strict.quarantine().map(\.reason.code) == ["tenant-mismatch", "tenant-mismatch"])
        let loose = try ImportHarness()
        let ownTenant = try await loose.importFile(path)
        #expect(ownTenant.totals.inserted == 2)
        #expect(try await loose.quarantine().map(\.reason.code) == ["missing-tenant"])
        #expect(try await loose.events().allSatisfy { $0.tenant == ImportHarness.contoso })
    }
}
