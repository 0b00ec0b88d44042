import BreakwaterModel
import Foundation
import Testing

@testable import BreakwaterDetect

/// The file-volume, sharing and Teams detectors over whole timelines, and the record readers
/// they rely on.
@Suite("SharePoint and Teams detectors")
struct SharePointAndTeamsDetectorTests {
    static let megan = "megan.bowen@contoso.com"

    /// The alerts `id` raises over the events `build` records, all built-in detectors running.
    static func alerts(of id: String, _ build: (inout ExampleTimeline) -> Void) throws -> [Alert] {
        let detector = try #require(BuiltInDetectors.all.first { $0.descriptor.id.rawValue == id })
        return ExampleRunner.run(DetectorExample("scenario", .silent, build: build), of: detector).alerts
    }

    @Test("a nightly backup account is low on its first night only, then silent for nine nights")
    func nightlyBackup() throws {
        // Given a service account downloading the same 300 files every night for ten nights
        let alerts = try Self.alerts(of: "SharePoint.File.MassDownload") { timeline in
            for night in 1...10 {
                timeline.at(day: night, "02:00")
                timeline.fileOperations(
                    "FileDownloaded", count: 300, by: "svc-backup@contoso.com", from: .hetznerDE, folder: "Shared Documents/Archive",
                    prefix: "Record", fileExtension: "pdf", agent: ExampleAgents.rclone)
            }
        }
        // Then only the first night, with no habit to compare with, raises, and only low
        #expect(alerts.map(\.severity) == [.low])
        let night2 = try #require(Timestamp(iso8601: "2026-10-03T00:00:00Z"))  // day 2 of the example calendar
        #expect(alerts.allSatisfy { $0.time < night2 })
    }

    @Test("an unusual burst is not learned as the identity's habit")
    func burstsAreNotLearned() throws {
        // Given a clerk who downloads three files a day, then 120 two days running
        let alerts = try Self.alerts(of: "SharePoint.File.MassDownload") { timeline in
            for day in 1..<10 {
                timeline.at(day: day, "11:00")
                timeline.fileOperations("FileDownloaded", count: 3, by: Self.megan, from: .homeGB, prefix: "Day \(day) report")
            }
            for day in 10...11 {
                timeline.at(day: day, "12:30")
                timeline.fileOperations("FileDownloaded", count: 120, by: Self.megan, from: .homeGB, prefix: "Day \(day) statement")
            }
        }
        // Then both days are unusual: the first burst did not become the habit
        #expect(alerts.map(\.severity) == [.medium, .medium])
    }

    @Test("a burst lasting twenty minutes is reported once; another an hour later again")
    func oncePerBurst() throws {
        let alerts = try Self.alerts(of: "SharePoint.File.MassDownload") { timeline in
            timeline.at(day: 0, "10:00")
            timeline.fileOperations("FileDownloaded", count: 1200, by: Self.megan, from: .homeGB)
            timeline.advance(minutes: 60)
            timeline.fileOperations("FileDownloaded", count: 30, by: Self.megan, from: .homeGB, prefix: "Later")
        }
        #expect(alerts.count == 2)
        #expect(Set(alerts.map(\.id)).count == 2)
    }

    @Test("alerts are the same whether the state is saved and restored between batches or not")
    func stateRoundTrip() throws {
        var timeline = ExampleTimeline()
        for day in 1..<8 {
            timeline.at(day: day, "11:00")
            timeline.fileOperations("FileRecycled", count: 4, by: Self.megan, from: .homeGB, prefix: "Day \(day) draft")
            timeline.fileOperations("FileDownloaded", count: 2, by: Self.megan, from: .homeGB, prefix: "Day \(day) report")
        }
        timeline.at(day: 8, "09:00")
        timeline.fileOperations("FileDownloaded", count: 90, by: Self.megan, from: .homeGB)
        timeline.fileOperations("FileRecycled", count: 90, by: Self.megan, from: .homeGB)
        timeline.teamMemberAdded("Finance", by: Self.megan, from: .homeGB, members: ["ops@mailbox.example"])
        let events = timeline.events
        let configuration = DetectionConfiguration(defaults: DetectorExample.contoso)

        var whole = DetectionEngine(configuration: configuration, state: DetectionState(lateness: .zero))
        let expected = whole.process(events) + whole.flush()

        var state = DetectionState(lateness: .zero)
        var alerts: [Alert] = []
        for start in stride(from: 0, to: events.count, by: 37) {
            var engine = DetectionEngine(configuration: configuration, state: state)
            alerts += engine.process(Array(events[start..<min(start + 37, events.count)]))
            state = try JSONDecoder().decode(DetectionState.self, from: JSONEncoder().encode(engine.state))
        }
        var last = DetectionEngine(configuration: configuration, state: state)
        alerts += last.flush()

        #expect(alerts.map(\.id) == expected.map(\.id))
        #expect(Set(expected.map(\.detector.rawValue)).isSuperset(of: ["SharePoint.File.MassDownload", "SharePoint.File.MassDelete"]))
    }

    // MARK: - Readers

    @Test(
        "a rename changes the extension only when both ends are known and differ",
        arguments: [
            (#""SourceFileName":"Budget.xlsx","DestinationFileName":"Budget.xlsx.locked""#, true),
            (#""SourceFileName":"Budget.xlsx","DestinationFileName":"Budget 2026.XLSX""#, false),
            (#""SourceFileExtension":"docx","DestinationFileExtension":"lockbit""#, true),
            (#""SourceFileExtension":"docx","DestinationFileExtension":".DOCX""#, false),
            (#""SourceFileName":"Notes","DestinationFileName":"Notes.txt""#, true),
            (#""SourceFileName":"Budget.xlsx""#, false),
            (#""DestinationFileName":"x.enc""#, true),
            (#""DestinationFileName":7"#, true),
            (#""SourceFileName":null,"DestinationFileName":{}"#, false),
        ])
    func rename(_ fields: String, changes: Bool) throws {
        let record = try Self.record(
            #"{"CreationTime":"2026-11-20T09:36:00","Id":"3b0a1e1c-2222-4a5b-8c6d-000000000017","Operation":"FileRenamed","#
                + #""RecordType":6,"UserId":"megan.bowen@contoso.com","ObjectId":"https://contoso.sharepoint.com/a/Old.pdf","# + fields + "}")
        #expect(Rename(record).changesExtension == changes)
    }

    @Test("guest accounts and outside domains are external; colleagues and group names are not")
    func externalAddresses() {
        let configuration = TenantConfiguration(domains: ["contoso.com"])
        #expect(ExternalAddress.isExternal("jo@fabrikam.example", in: configuration))
        #expect(ExternalAddress.isExternal("jo_fabrikam.example#EXT#@contoso.onmicrosoft.com", in: configuration))
        #expect(!ExternalAddress.isExternal("Adele.Vance@Contoso.com", in: configuration))
        #expect(!ExternalAddress.isExternal("adele@eu.contoso.com", in: configuration))
        #expect(!ExternalAddress.isExternal("Everyone except external users", in: configuration))
        #expect(ExternalAddress.readable("Jo.Lee_Fabrikam.example#EXT#@contoso.onmicrosoft.com") == "jo.lee@fabrikam.example")
        #expect(ExternalAddress.readable("#EXT#@contoso.onmicrosoft.com") == "")
        #expect(ExternalAddress.readable("Jo@Fabrikam.example") == "jo@fabrikam.example")
    }

    @Test("sensitive names match whole short words and parts of long ones")
    func sensitiveNames() {
        #expect(SensitiveFileNames.found(in: "HR_records 2026.xlsx") == ["hr"])
        #expect(SensitiveFileNames.found(in: "Salaries & Bonus.xlsx") == ["salaries", "bonus"])
        #expect(SensitiveFileNames.found(in: "Three-year plan.docx").isEmpty)
        #expect(SensitiveFileNames.found(in: "Taxonomy.docx").isEmpty)
        #expect(SensitiveFileNames.found(in: "").isEmpty)
    }

    @Test("Teams members are read whatever the case of the fields or an array held in text")
    func teamMembers() throws {
        let record = try Self.record(
            #"{"CreationTime":"2026-11-20T09:50:00","Id":"3b0a1e1c-1111-4a5b-8c6d-000000000015","Operation":"MemberAdded","RecordType":25,"#
                + #""UserId":"megan.bowen@contoso.com","teamName":"Finance","#
                + #""Members":"[{\"Upn\":\"Jo@Fabrikam.example\",\"Role\":\"3\"},{\"DisplayName\":\"x\"},7]"}"#)
        let membership = TeamMembership(record)
        #expect(membership.team == "Finance")
        #expect(membership.members.map(\.upn) == ["jo@fabrikam.example", nil, nil])
        #expect(membership.members.first?.isGuestRole == true)
    }

    @Test("link records say whether anyone can edit, however the XML is spaced")
    func linkAccess() throws {
        let record = try Self.record(
            #"{"CreationTime":"2026-11-20T09:40:00","Id":"3b0a1e1c-1111-4a5b-8c6d-000000000012","Operation":"AnonymousLinkCreated","#
                + #""RecordType":14,"UserId":"megan.bowen@contoso.com","#
                + #""ObjectId":"https://contoso.sharepoint.com/sites/Finance/Shared Documents/Payroll 2026.xlsx","#
                + #""EventData":"< Type >EDIT</Type>"}"#)
        let link = SharingRecord(record)
        #expect(link.allowsEditing)
        #expect(link.fileName == "Payroll 2026.xlsx")
    }

    static func record(_ json: String) throws -> AuditRecord {
        try AuditRecord(unifiedAuditLogJSON: Array(json.utf8))
    }
}
