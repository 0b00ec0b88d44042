import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterTesting
import Foundation
import Testing

@Suite("Decoding real exports")
struct DecodingTests {
    @Test("reads a Management Activity API content blob")
    func contentBlob() async throws {
        let harness = try ImportHarness()
        let summary = try await harness.importFile(Fixture.path("microsoft-docs/management-activity-api/api-responses/content-blob-response.json"))
        #expect(summary.totals.records == 3)
        #expect(summary.totals.inserted == 3)
        let events = try await harness.events()
        #expect(events.map(\.operation) == ["Add User.", "PasswordLogonInitialAuthUsingPassword", "PasswordLogonInitialAuthUsingPassword"])
        #expect(events.map(\.kind) == [.userChanged, .signInSucceeded, .signInFailed])
        #expect(events[2].sourceIP == IPAddress("134.170.188.221"))
        #expect(events[2].extendedProperties["LoginError"]?.hasPrefix("-2147217390;PP_E_BAD_PASSWORD") == true)
    }

    @Test("reads every sample record in JSON Lines, keeping each line's bytes")
    func jsonLines() async throws {
        let harness = try ImportHarness()
        let path = Fixture.path("microsoft-docs/management-activity-api/audit-records.jsonl")
        let summary = try await harness.importFile(path)
        #expect(summary.totals.records == 9)
        #expect(summary.totals.inserted == 9)
        #expect(summary.totals.workloads["Aip"] == WorkloadTotals(records: 4, inserted: 4))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { Array($0.utf8) }
        let stored = try await harness.events().map(\.record.raw)
        #expect(Set(stored) == Set(lines))
    }

    @Test("reads single pretty-printed records exactly as written")
    func prettyRecords() async throws {
        let harness = try ImportHarness()
        let directory = Fixture.url("microsoft-docs/management-activity-api/audit-records")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
            let path = directory.appendingPathComponent(name).path
            let summary = try await harness.importFile(path)
            #expect(summary.totals.inserted == 1, "\(name)")
        }
        #expect(try await harness.events().count == 9)
        let addUser = try #require(try await harness.events().first { $0.operation == "Add User." })
        let file = try String(contentsOf: directory.appendingPathComponent("aad-directory-add-user.json"), encoding: .utf8)
        #expect(String(decoding: addUser.record.raw, as: UTF8.self) == file.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("reads Search-UnifiedAuditLog output, keeping the AuditData record")
    func searchResults() async throws {
        let harness = try ImportHarness()
        let summary = try await harness.importFile(Fixture.path("search-unifiedauditlog-converted.json"))
        #expect(summary.totals.inserted == 6)
        let events = try await harness.events()
        #expect(events.allSatisfy { $0.record.raw.first == UInt8(ascii: "{") && !String(decoding: $0.record.raw, as: UTF8.self).contains("ResultIndex") })
        #expect(Set(events.map(\.operation)) == ["MessageAccess", "AttachmentReview", "Access", "Discover", "SensitivityLabelApplied", "SensitivityLabelUpdated"])
    }

    @Test("reads both Purview CSV layouts: BOM, CRLF, doubled quotes, line breaks inside fields")
    func purviewCSV() async throws {
        let harness = try ImportHarness()
        let current = try await harness.importFile(Fixture.path("purview-export-current.csv"))
        #expect(current.totals.records == 12)
        #expect(current.totals.inserted == 12)
        #expect(current.totals.quarantined == 0)
        let classic = try await harness.importFile(Fixture.path("purview-export-classic.csv"))
        #expect(classic.totals.inserted == 8)
        let rule = try #require(try await harness.events().first { $0.operation == "New-InboxRule" })
        #expect(rule.parameters["MoveToFolder"] == "RSS Feeds")
    }

    @Test("reads a CSV export larger than the read window, rows straddling every boundary")
    func largeCSV() async throws {
        let records = BadInputTests.records(4000, seed: 17)
        var csv = "RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\r\n"
        for (index, record) in records.enumerated() {
            csv += CSVText.row([String(index), "11/1/2026 12:00:00 AM", "1", "Op", "user", String(decoding: record, as: UTF8.self), "", ""])
        }
        let directory = try TemporaryDirectory()
        let harness = try ImportHarness()
        let summary = try await harness.importFile(try directory.write("large.csv", csv))
        #expect(csv.utf8.count > 4 << 20)
        #expect(summary.totals.records == 4000)
        #expect(summary.totals.inserted == 4000)
        #expect(summary.totals.quarantined == 0)
    }

    @Test("reads Graph sign-in pages and JSON Lines as sign-in events")
    func graphSignIns() async throws {
        let harness = try ImportHarness()
        let page = try await harness.importFile(Fixture.path("microsoft-docs/graph/signins-v1.0-list-response.json"), tenant: ImportHarness.contoso)
        #expect(page.totals.inserted == 1)
        let lines = try await harness.importFile(Fixture.path("graph-signins.jsonl"), tenant: TenantID("99081087-73c4-48d1-a112-f60ff75114f7"))
        #expect(lines.totals.records == 2)
        // The page's sign-in names no tenant, so in the JSON Lines file it belongs to the
        // --tenant given; the beta sign-in names that tenant itself.
        #expect(lines.totals.inserted == 2)
        let events = try await harness.events()
        let failed = try #require(events.first { $0.kind == .signInFailed })
        #expect(failed.signInErrorCode == 50126)
        #expect(failed.actor == "testaccount1@contoso.com")
        #expect(failed.reportedLocation?.city == "Redmond")
        #expect(events.filter { $0.kind == .signInSucceeded }.count == 2)
    }
}
