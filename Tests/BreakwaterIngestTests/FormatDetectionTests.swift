import BreakwaterIngest
import BreakwaterStore
import BreakwaterTesting
import Testing

@Suite("Format detection")
struct FormatDetectionTests {
    @Test("recognises every export format from its first bytes", arguments: [
        ("microsoft-docs/management-activity-api/api-responses/content-blob-response.json", "JSON array of audit records (content blob)"),
        ("microsoft-docs/management-activity-api/audit-records.jsonl", "JSON Lines of audit records"),
        ("microsoft-docs/management-activity-api/audit-records/aad-directory-add-user.json", "JSON objects of audit records"),
        ("microsoft-docs/graph/signins-v1.0-list-response.json", "Graph pages of Graph sign-ins"),
        ("microsoft-docs/graph/signin-beta-failed-50126-azure-portal.json", "JSON objects of Graph sign-ins"),
        ("graph-signins.jsonl", "JSON Lines of Graph sign-ins"),
        ("search-unifiedauditlog-converted.json", "JSON array of Search-UnifiedAuditLog results"),
        ("purview-export-current.csv", "Purview audit CSV export (current layout)"),
        ("purview-export-classic.csv", "Purview audit CSV export (classic layout)"),
    ])
    func detects(_ fixture: String, expected: String) async throws {
        let summary = try await ImportHarness().importFile(Fixture.path(fixture), tenant: ImportHarness.contoso)
        #expect(summary.format?.description == expected)
    }

    @Test("treats an empty file as nothing to import", arguments: ["", "   \n\r\n\t", "\u{FEFF}"])
    func empty(_ content: String) async throws {
        let directory = try TemporaryDirectory()
        let summary = try await ImportHarness().importFile(try directory.write("empty.json", content))
        #expect(summary.format == nil)
        #expect(summary.totals.records == 0)
    }

    @Test("refuses files that are not audit logs, naming the formats it reads", arguments: [
        "# Release notes\n\nNothing to see.\n", #"{"name":"left-pad","version":"1.3.0"}"#, "[1,2,3]", #"["a"]"#,
        "Date,User,Action\n2026-01-01,a,b\n", "\u{0}\u{1}\u{2}binary",
    ])
    func refusesOtherFiles(_ content: String) async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("other.txt", content)
        await #expect {
            try await ImportHarness().importFile(path)
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.code == .unknownFormat && error.message.contains("not an audit log") && error.message.contains("Purview audit search CSV")
                && error.message.contains(path)
        }
    }

    @Test("says clearly when a file cannot be read")
    func unreadable() async throws {
        let directory = try TemporaryDirectory()
        for path in [directory.file("missing.json"), directory.path] {
            await #expect {
                try await ImportHarness().importFile(path)
            } throws: { error in
                (error as? IngestError)?.code == .unreadableFile && "\(error)".contains(path)
            }
        }
    }
}
