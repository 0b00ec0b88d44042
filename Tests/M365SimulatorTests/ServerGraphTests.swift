import BreakwaterModel
import Foundation
import M365Simulator
import Testing

@Suite("Microsoft Graph: sign-ins, users, inbox rules, MFA registration and remediation")
struct ServerGraphTests {
    private static func graphToken(_ tenant: SimulatedTenant, _ simulator: SimulatorHarness) async throws -> String {
        try await simulator.token(tenant, scope: SimulatorHarness.graphScope)
    }

    @Test("sign-ins page newest first through an opaque nextLink, and together are every visible sign-in")
    func signInPaging() async throws {
        let tenant = ServerFixtures.tenant()
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let token = try await Self.graphToken(tenant, simulator)
            var url: String? = "\(simulator.base)/v1.0/auditLogs/signIns?$top=50"
            var ids: [String] = []
            var times: [Timestamp] = []
            var pages = 0
            while let next = url {
                let page = try await simulator.get(next, token: token)
                #expect(page.status == 200)
                let values = page.json["value"]?.arrayValue ?? []
                #expect(values.count <= 50)
                ids += values.compactMap { $0["id"]?.stringValue }
                times += values.compactMap { $0["createdDateTime"]?.stringValue.flatMap(Timestamp.init(iso8601:)) }
                url = page.json["@odata.nextLink"]?.stringValue
                if let link = url { #expect(link.contains("$skiptoken=") && link.contains("top=50")) }
                pages += 1
            }
            #expect(pages >= 3)
            #expect(Set(ids) == simulator.server.visibleSignInIDs(tenant: tenant.id))
            #expect(ids.count == Set(ids).count)
            #expect(times == times.sorted(by: >))
        }
    }

    @Test("v1.0 serves v1.0's properties; beta adds sessionId and authenticationDetails")
    func versions() async throws {
        let tenant = ServerFixtures.tenant()
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let token = try await Self.graphToken(tenant, simulator)
            let v1 = try #require(try await simulator.get("\(simulator.base)/v1.0/auditLogs/signIns?$top=1", token: token).json["value"]?.arrayValue?.first)
            let beta = try #require(try await simulator.get("\(simulator.base)/beta/auditLogs/signIns?$top=1", token: token).json["value"]?.arrayValue?.first)
            #expect(v1["id"] == beta["id"])
            #expect(v1["appliedConditionalAccessPolicies"] != nil)
            #expect(v1["sessionId"] == nil)
            #expect(v1["authenticationDetails"] == nil)
            #expect(beta["sessionId"] != nil)
            #expect(beta["authenticationDetails"] != nil)
        }
    }

    @Test("filters on createdDateTime and userPrincipalName; refuses $top over 1000 and unsupported filters")
    func filters() async throws {
        let tenant = ServerFixtures.tenant()
        let truth = Scenario(tenant.scenario).truth
        let victim = try #require(truth.attack?.victim)
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 3)) { simulator in
            let token = try await Self.graphToken(tenant, simulator)
            let from = ServerFixtures.start.adding(milliseconds: ServerFixtures.day + 6 * ServerFixtures.hour)
            let to = from.adding(milliseconds: 12 * ServerFixtures.hour)
            let window = "createdDateTime ge \(from.iso8601) and createdDateTime lt \(to.iso8601)"
            let query = "$filter=\(window) and userPrincipalName eq '\(victim.uppercased())'"
                .addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "+&")))!
            let filtered = try await simulator.get("\(simulator.base)/beta/auditLogs/signIns?\(query)", token: token)
            let values = try #require(filtered.json["value"]?.arrayValue)
            #expect(!values.isEmpty)
            #expect(values.allSatisfy { $0["userPrincipalName"]?.stringValue == victim })
            let times = values.compactMap { $0["createdDateTime"]?.stringValue.flatMap(Timestamp.init(iso8601:)) }
            #expect(times.allSatisfy { $0 >= from && $0 < to })

            #expect(try await simulator.get("\(simulator.base)/v1.0/auditLogs/signIns?$top=1001", token: token).status == 400)
            let unsupported = "$filter=riskyThing eq 'x'".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            let refused = try await simulator.get("\(simulator.base)/v1.0/auditLogs/signIns?\(unsupported)", token: token)
            #expect(refused.status == 400)
            #expect(refused.errorCode == "BadRequest")
        }
    }

    @Test("a tenant without Entra ID P1 gets 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant")
    func licence() async throws {
        let tenant = ServerFixtures.tenant {
            $0.hasEntraIDP1 = false
        }
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let exchange = try await simulator.get("\(simulator.base)/v1.0/auditLogs/signIns", token: try await Self.graphToken(tenant, simulator))
            #expect(exchange.status == 403)
            #expect(exchange.errorCode == "Authentication_RequestFromNonPremiumTenantOrB2CTenant")
            #expect(exchange.json["error"]?["innerError"]?["request-id"] != nil)
        }
    }

    @Test("the reports throttle allows 5 requests in 10 simulated seconds, then 429 with a decimal Retry-After")
    func reportsThrottle() async throws {
        let tenant = ServerFixtures.tenant {
            $0.reportsRequestsPerTenSeconds = 5
        }
        let clock = ServerFixtures.clock(days: 2)
        try await withSimulator([tenant], clock: clock) { simulator in
            let token = try await Self.graphToken(tenant, simulator)
            let url = "\(simulator.base)/v1.0/auditLogs/signIns?$top=1"
            for _ in 0..<3 { #expect(try await simulator.get(url, token: token).status == 200) }
            clock.advance(by: .milliseconds(2500))
            for _ in 0..<2 { #expect(try await simulator.get(url, token: token).status == 200) }
            let throttled = try await simulator.get(url, token: token)
            #expect(throttled.status == 429)
            let retryAfter = try #require(throttled.header("Retry-After"))
            #expect(retryAfter == "7.500")
            clock.advance(by: .milliseconds(7500))
            #expect(try await simulator.get(url, token: token).status == 200)
        }
    }

    @Test("inbox rules appear when created; DELETE removes one (204) and is recorded")
    func messageRules() async throws {
        let tenant = ServerFixtures.tenant()
        let attack = try #require(Scenario(tenant.scenario).truth.attack)
        let ruleTime = try #require(attack.timeline.first { $0.description.hasPrefix("Inbox rule") }?.time)
        let clock = SimulatedClock.manual(at: ruleTime.adding(milliseconds: -60_000))
        try await withSimulator([tenant], clock: clock) { simulator in
            let token = try await Self.graphToken(tenant, simulator)
            let url = "\(simulator.base)/v1.0/users/\(attack.victim)/mailFolders/inbox/messageRules"
            let before = try await simulator.get(url, token: token).json["value"]?.arrayValue ?? []
            #expect(!before.contains { $0["displayName"]?.stringValue == attack.ruleName })

            clock.advance(by: .seconds(120))
            let rules = try await simulator.get(url, token: token).json["value"]?.arrayValue ?? []
            let rule = try #require(rules.first { $0["displayName"]?.stringValue == attack.ruleName })
            #expect(rule["conditions"]?["bodyOrSubjectContains"] == ["payroll", "bank", "invoice"])
            #expect(rule["actions"]?["markAsRead"] == true)
            #expect(rule["actions"]?["stopProcessingRules"] == true)
            #expect(rule["actions"]?["moveToFolder"]?.stringValue?.isEmpty == false)

            let ruleID = try #require(rule["id"]?.stringValue)
            let deleted = try await simulator.send("DELETE", "\(url)/\(ruleID.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", token: token)
            #expect(deleted.status == 204)
            let after = try await simulator.get(url, token: token).json["value"]?.arrayValue ?? []
            #expect(!after.contains { $0["id"]?.stringValue == ruleID })
            let again = try await simulator.send("DELETE", "\(url)/\(ruleID.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", token: token)
            #expect(again.errorCode == "ErrorItemNotFound")
            let remediations = await simulator.server.remediations(tenant: tenant.id)
            #expect(remediations.map(\.action) == [.inboxRuleDeleted(ruleID: ruleID, ruleName: attack.ruleName)])
            #expect(remediations.first?.userPrincipalName == attack.victim)
        }
    }

    @Test("revokeSignInSessions answers 200 with value true; PATCH disables the account (204), or 403 without the permission")
    func remediation() async throws {
        let tenant = ServerFixtures.tenant()
        let locked = ServerFixtures.tenant(2) {
            $0.canWriteUsers = false
        }
        let victim = try #require(Scenario(tenant.scenario).truth.attack?.victim)
        let clock = ServerFixtures.clock(days: 3)
        try await withSimulator([tenant, locked], clock: clock) { simulator in
            let token = try await Self.graphToken(tenant, simulator)
            let user = "\(simulator.base)/v1.0/users/\(victim)"

            let revoked = try await simulator.send("POST", "\(user)/revokeSignInSessions", token: token)
            #expect(revoked.status == 200)
            #expect(revoked.json["value"] == true)
            let patched = try await simulator.send(
                "PATCH", user, token: token,
                body: Array(#"{"accountEnabled":false,"passwordProfile":{"forceChangePasswordNextSignIn":true,"password":"N3w!Passw0rd"}}"#.utf8))
            #expect(patched.status == 204)

            let after = try await simulator.get(user, token: token).json
            #expect(after["accountEnabled"] == false)
            #expect(after["signInSessionsValidFromDateTime"]?.stringValue.flatMap(Timestamp.init(iso8601:)) == clock.now)
            let remediations = await simulator.server.remediations(tenant: tenant.id)
            #expect(remediations.map(\.action) == [.sessionsRevoked, .userUpdated(accountEnabled: false, passwordReset: true)])
            #expect(!"\(remediations)".contains("N3w!Passw0rd"))

            let lockedVictim = try #require(Scenario(locked.scenario).truth.attack?.victim)
            let denied = try await simulator.send(
                "PATCH", "\(simulator.base)/v1.0/users/\(lockedVictim)", token: try await Self.graphToken(locked, simulator),
                body: Array(#"{"accountEnabled":false}"#.utf8))
            #expect(denied.status == 403)
            #expect(denied.errorCode == "Authorization_RequestDenied")
        }
    }

    @Test("a skip token it did not issue is a bad request, not a crash", arguments: ["UkZOd2QtMQ", "UkZOd2Q5MjIzMzcyMDM2ODU0Nzc1ODA3", "UkZOd2Q1MDAw", "garbage"])
    func hostileSkipTokens(token skip: String) async throws {
        let tenant = ServerFixtures.tenant()
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let token = try await Self.graphToken(tenant, simulator)
            for path in ["/v1.0/users", "/v1.0/reports/authenticationMethods/userRegistrationDetails"] {
                let exchange = try await simulator.get("\(simulator.base)\(path)?$skiptoken=\(skip)", token: token)
                #expect(exchange.status == 400, "\(path)")
            }
            #expect(try await simulator.get("\(simulator.base)/v1.0/users", token: token).status == 200)
        }
    }

    @Test("users and MFA registration come from the company: everyone registered but the backup service account")
    func directory() async throws {
        let tenant = ServerFixtures.tenant()
        let truth = Scenario(tenant.scenario).truth
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let token = try await Self.graphToken(tenant, simulator)
            var users: [JSONValue] = []
            var url: String? = "\(simulator.base)/v1.0/users?$top=10&$select=id,userPrincipalName,accountEnabled"
            while let next = url {
                let page = try await simulator.get(next, token: token).json
                users += page["value"]?.arrayValue ?? []
                url = page["@odata.nextLink"]?.stringValue
            }
            #expect(users.count == truth.staffCount + 1)
            #expect(users.allSatisfy { $0["displayName"] == nil && $0["accountEnabled"] == true })

            let details = try await simulator.get("\(simulator.base)/v1.0/reports/authenticationMethods/userRegistrationDetails", token: token).json
            let unregistered = details["value"]?.arrayValue?.filter { $0["isMfaRegistered"] == false }.compactMap { $0["userPrincipalName"]?.stringValue }
            #expect(unregistered == [truth.backupAccount])
        }
    }
}
