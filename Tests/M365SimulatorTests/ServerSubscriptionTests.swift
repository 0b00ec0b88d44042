import BreakwaterModel
import M365Simulator
import Testing

@Suite("Management Activity API subscriptions and access")
struct ServerSubscriptionTests {
    @Test("start, repeat start (AF20024), list, stop, and listing without a subscription (AF20022)")
    func lifecycle() async throws {
        let tenant = ServerFixtures.tenant()
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let token = try await simulator.token(tenant)
            let query = "?contentType=Audit.Exchange&PublisherIdentifier=\(tenant.id)"

            // Before any start
            #expect(try await simulator.get(simulator.feed(tenant, "subscriptions/list") + query, token: token).json == .array([]))
            #expect(try await simulator.get(simulator.feed(tenant, "subscriptions/content") + query, token: token).errorCode == "AF20022")

            // Start, then start again
            let started = try await simulator.send("POST", simulator.feed(tenant, "subscriptions/start") + query, token: token)
            #expect(started.status == 200)
            #expect(started.json["status"] == "enabled")
            #expect(started.json["contentType"] == "Audit.Exchange")
            let again = try await simulator.send("POST", simulator.feed(tenant, "subscriptions/start") + query, token: token)
            #expect(again.status == 400)
            #expect(again.errorCode == "AF20024")
            let listed = try await simulator.get(simulator.feed(tenant, "subscriptions/list") + query, token: token)
            #expect(listed.json == .array([["contentType": "Audit.Exchange", "status": "enabled", "webhook": nil]]))
            #expect(try await simulator.get(simulator.feed(tenant, "subscriptions/content") + query, token: token).status == 200)

            // Stop
            #expect(try await simulator.send("POST", simulator.feed(tenant, "subscriptions/stop") + query, token: token).status == 200)
            #expect(try await simulator.get(simulator.feed(tenant, "subscriptions/content") + query, token: token).errorCode == "AF20022")
            let stopped = try await simulator.get(simulator.feed(tenant, "subscriptions/list") + query, token: token)
            #expect(stopped.json.arrayValue?.first?["status"] == "disabled")

            // Every call carried PublisherIdentifier, and the server recorded it.
            let requests = await simulator.server.requests(tenant: tenant.id).filter { $0.service == .managementActivity }
            #expect(requests.count == 9)
            #expect(requests.allSatisfy { $0.publisherIdentifier == tenant.id.description })
        }
    }

    @Test("refuses an unknown content type (AF20020) and a subscription disabled by an administrator (AF20023)")
    func contentTypes() async throws {
        let tenant = ServerFixtures.tenant {
            $0.adminDisabledContentTypes = [.sharePoint]
        }
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let token = try await simulator.token(tenant)
            let unknown = try await simulator.send("POST", simulator.feed(tenant, "subscriptions/start?contentType=Audit.Teams"), token: token)
            #expect(unknown.status == 400)
            #expect(unknown.errorCode == "AF20020")
            let disabled = try await simulator.get(simulator.feed(tenant, "subscriptions/content?contentType=Audit.SharePoint"), token: token)
            #expect(disabled.errorCode == "AF20023")
            // Starting it again re-enables it.
            #expect(try await simulator.send("POST", simulator.feed(tenant, "subscriptions/start?contentType=Audit.SharePoint"), token: token).status == 200)
            #expect(try await simulator.get(simulator.feed(tenant, "subscriptions/content?contentType=Audit.SharePoint"), token: token).status == 200)
        }
    }

    @Test("refuses another tenant's token (AF20010), a token without ActivityFeed.Read (AF10001), a Graph token and no token")
    func access() async throws {
        let contoso = ServerFixtures.tenant(1)
        let fabrikam = ServerFixtures.tenant(2) {
            $0.application.roles = ["AuditLog.Read.All"]
        }
        try await withSimulator([contoso, fabrikam], clock: ServerFixtures.clock(days: 2)) { simulator in
            let contosoToken = try await simulator.token(contoso)
            let crossed = try await simulator.get(simulator.feed(fabrikam, "subscriptions/list"), token: contosoToken)
            #expect(crossed.errorCode == "AF20010")
            let withoutRole = try await simulator.get(simulator.feed(fabrikam, "subscriptions/list"), token: try await simulator.token(fabrikam))
            #expect(withoutRole.errorCode == "AF10001")
            let graphToken = try await simulator.token(contoso, scope: SimulatorHarness.graphScope)
            #expect(try await simulator.get(simulator.feed(contoso, "subscriptions/list"), token: graphToken).status == 401)
            #expect(try await simulator.get(simulator.feed(contoso, "subscriptions/list")).status == 401)
            let malformed = try await simulator.get("\(simulator.base)/api/v1.0/contoso/activity/feed/subscriptions/list", token: contosoToken)
            #expect(malformed.errorCode == "AF20013")
        }
    }

    @Test("a tenant without audit logging fails with the service's own exception, not an AF code")
    func auditDisabled() async throws {
        let tenant = ServerFixtures.tenant {
            $0.auditLoggingEnabled = false
        }
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 2)) { simulator in
            let exchange = try await simulator.send(
                "POST", simulator.feed(tenant, "subscriptions/start?contentType=Audit.Exchange"), token: try await simulator.token(tenant))
            #expect(exchange.status == 400)
            let code = try #require(exchange.errorCode)
            #expect(code.hasPrefix("StartSubscription [CorrId="))
            #expect(exchange.json["error"]?["message"]?.stringValue?.contains("DataServiceException: Tenant \(tenant.id) does not exist.") == true)
        }
    }
}
