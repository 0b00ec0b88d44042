import BreakwaterModel
import Foundation
import M365Simulator
import Testing

@Suite("The business email compromise in the scenario")
struct ScenarioAttackTests {
    private var attack: ScenarioTruth.Attack { ScenarioFixtures.attack }
    private var attackerAddresses: Set<IPAddress> { Set(attack.attackerAddresses.compactMap { IPAddress($0) }) }

    /// Everything done from the attacker's addresses.
    private var attackerEvents: [Event] {
        (ScenarioFixtures.auditEvents + ScenarioFixtures.signInEvents).filter { $0.sourceIP.map(attackerAddresses.contains) ?? false }
    }

    @Test("the attacker's addresses appear only in the victim's records, all in the stolen session")
    func attackerConfinedToVictim() {
        let events = attackerEvents
        #expect(events.count > 60)
        #expect(events.allSatisfy { $0.actor == attack.victim })
        #expect(events.allSatisfy { $0.sessions.entraSessionID == attack.attackerSessionID })
        let othersText = ScenarioFixtures.monthData.auditRecords.map(ScenarioFixtures.text).filter { !$0.contains(attack.victim) }
        #expect(!othersText.contains { text in attack.attackerAddresses.contains { text.contains($0) } })
    }

    @Test("the phishing proxy signs in with MFA in a new session; the session is replayed within 40 minutes with MFA from the token")
    func signIns() throws {
        let proxy = try #require(IPAddress(attack.proxyAddress))
        let replay = try #require(IPAddress(attack.replayAddress))
        let graph = ScenarioFixtures.signInEvents
        let proxySignIn = try #require(graph.first { $0.sourceIP == proxy && $0.kind == .signInSucceeded })
        #expect(graph.contains { $0.sourceIP == proxy && $0.kind == .mfaChallenged && $0.time < proxySignIn.time })
        #expect(proxySignIn.authenticationRequirement == "multiFactorAuthentication")
        #expect(!proxySignIn.mfaSatisfiedByTokenClaim)
        #expect(proxySignIn.sessions.entraSessionID == attack.attackerSessionID)
        // A new session: never seen before the proxy's sign-in.
        let earlier = (ScenarioFixtures.auditEvents + graph).filter { $0.time < proxySignIn.time }
        #expect(!earlier.contains { $0.sessions.entraSessionID == attack.attackerSessionID && $0.sourceIP != proxy })

        let replayed = try #require(graph.first { $0.sourceIP == replay })
        #expect(replayed.kind == .signInSucceeded)
        #expect(replayed.mfaSatisfiedByTokenClaim)
        #expect(replayed.sessions.entraSessionID == attack.attackerSessionID)
        let minutes = (replayed.time.millisecondsSince1970 - proxySignIn.time.millisecondsSince1970) / 60_000
        #expect(minutes > 20 && minutes <= 40)
        #expect(replayed.reportedLocation?.countryOrRegion == "NL")

        let logged = try #require(ScenarioFixtures.auditEvents.first { $0.sourceIP == replay && $0.operation == "UserLoggedIn" })
        #expect(logged.deviceProperties["SessionId"] == attack.attackerSessionID)
    }

    @Test("the attacker reads mail in bursts through the stolen session")
    func mailRead() {
        let reads = attackerEvents.filter { $0.kind == .mailAccessed }
        #expect(reads.count >= 10)
        #expect(reads.allSatisfy { $0.mailboxOwner == attack.victim })
    }

    @Test("the victim's inbox rule is the one the truth names, created from the replaying host")
    func inboxRule() throws {
        let rules = ScenarioFixtures.auditEvents.filter { $0.kind == .inboxRuleCreated && $0.actor == attack.victim }
        let rule = try #require(rules.first { $0.parameters["Name"] == attack.ruleName })
        #expect(rules.count == 1)
        #expect(rule.parameters["MoveToFolder"] == attack.ruleFolder)
        #expect(rule.parameters["SubjectOrBodyContainsWords"] == attack.ruleKeywords)
        #expect(rule.parameters["MarkAsRead"] == "True")
        #expect(rule.parameters["StopProcessingRules"] == "True")
        #expect(rule.sourceIP == IPAddress(attack.replayAddress))
        #expect(rule.sessions.entraSessionID == attack.attackerSessionID)
    }

    @Test("the payroll mail, the download burst, the anonymous link and the team memberships match the truth")
    func actions() throws {
        let events = attackerEvents
        let sent = events.filter { $0.kind == .mailSent }
        #expect(sent.count == 1)
        #expect(sent.first?.record.field("Item")?["Subject"]?.stringValue == attack.payrollSubject)

        let downloads = events.filter { $0.kind == .fileDownloaded }
        #expect(downloads.compactMap(\.record.objectID) == attack.downloadedFiles)
        #expect(downloads.count >= 35)
        let span = try #require(downloads.last?.time.millisecondsSince1970) - #require(downloads.first?.time.millisecondsSince1970)
        #expect(span <= 180_000)

        let links = events.filter { $0.operation == "AnonymousLinkCreated" }
        #expect(links.compactMap(\.record.objectID) == [attack.anonymousLinkFile])

        let joined = events.filter { $0.operation == "MemberAdded" }
        #expect(joined.compactMap { $0.record.fieldText("TeamName") } == attack.teamsJoined)
        #expect(joined.allSatisfy { $0.record.field("Members")?.arrayValue?.first?["UPN"]?.stringValue == attack.victim })
        let hour = try #require(joined.last?.time.millisecondsSince1970) - #require(joined.first?.time.millisecondsSince1970)
        #expect(hour <= 3_600_000)
    }

    @Test("the victim opens the lure and keeps working from the office in her own sessions during the attack")
    func victimKeepsWorking() throws {
        let timeline = attack.timeline
        let start = try #require(timeline.first?.time)
        let end = try #require(timeline.last?.time)
        let click = ScenarioFixtures.auditEvents.first { $0.operation == "TIUrlClickData" }
        #expect(click?.actor == attack.victim)
        #expect(click?.record.fieldText("Url") == attack.phishingURL)
        let office = Set(ScenarioFixtures.truth.officeAddresses.compactMap { IPAddress($0) })
        let own = ScenarioFixtures.auditEvents.filter {
            $0.actor == attack.victim && $0.time >= start && $0.time <= end && $0.sourceIP.map(office.contains) == true
        }
        #expect(own.count >= 5)
        #expect(own.allSatisfy { $0.sessions.entraSessionID != attack.attackerSessionID })
    }

    @Test("the truth file round-trips as JSON")
    func truthCodable() throws {
        let data = try JSONEncoder().encode(ScenarioFixtures.truth)
        #expect(try JSONDecoder().decode(ScenarioTruth.self, from: data) == ScenarioFixtures.truth)
    }
}
