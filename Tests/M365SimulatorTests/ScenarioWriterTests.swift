import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import M365Simulator
import Testing

@Suite("Writing a scenario to files")
struct ScenarioWriterTests {
    @Test("the Purview export imports to exactly the records of the audit log")
    func purviewExportRoundTrips() async throws {
        // Given a short scenario written to files
        let directory = try TemporaryDirectory()
        let scenario = Scenario(ScenarioFixtures.shortConfiguration)
        try ScenarioWriter.write(scenario, to: directory.path)

        // When the JSON lines and the CSV are imported into two archives
        let fromJSON = try SQLiteStore()
        let jsonSummary = try await FileImporter(store: fromJSON).importFile(at: directory.file("audit.jsonl"))
        let fromCSV = try SQLiteStore()
        let csvSummary = try await FileImporter(store: fromCSV).importFile(at: directory.file("audit-purview.csv"))

        // Then both hold the same records, nothing quarantined
        let records = scenario.dataset().auditRecords.count
        #expect(jsonSummary.totals.inserted == records)
        #expect(csvSummary.totals.inserted == records)
        #expect(csvSummary.totals.quarantined == 0)
        #expect(try await ArchiveSnapshot.of(fromCSV) == ArchiveSnapshot.of(fromJSON))
    }

    @Test("the export has the current Purview header and quotes AuditData")
    func purviewLayout() throws {
        let directory = try TemporaryDirectory()
        try ScenarioWriter.write(Scenario(ScenarioConfiguration(days: 1)), to: directory.path, formats: .purviewExport)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.file("audit-purview.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.first == "RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames")
        let row = try #require(lines.dropFirst().first)
        #expect(row.contains(",\"{\"\"CreationTime\"\":\"\""))
        #expect(row.hasSuffix("}\",,"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("audit.jsonl")))
    }

    @Test("the files written from a scenario and from its dataset are the same")
    func datasetAndStreamAgree() throws {
        let scenario = Scenario(ScenarioConfiguration(days: 1))
        let streamed = try TemporaryDirectory()
        let fromMemory = try TemporaryDirectory()
        try ScenarioWriter.write(scenario, to: streamed.path)
        try ScenarioWriter.write(scenario.dataset(), to: fromMemory.path)
        for name in ["audit.jsonl", "signins.jsonl", "audit-purview.csv", "truth.json"] {
            let streamedBytes = try Data(contentsOf: URL(fileURLWithPath: streamed.file(name)))
            #expect(streamedBytes == (try Data(contentsOf: URL(fileURLWithPath: fromMemory.file(name)))), "\(name)")
            #expect(!streamedBytes.isEmpty)
        }
        let lines = try String(contentsOfFile: streamed.file("signins.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.allSatisfy { (try? AuditRecord(graphSignInJSON: Array($0.utf8))) != nil })
    }
}
