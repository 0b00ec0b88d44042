import BreakwaterModel
import M365Simulator
import Testing

@Suite("The simulator's token endpoint")
struct ServerTokenTests {
    @Test("issues JWT-shaped app tokens per resource, with the tenant, the app and the resource's roles")
    func issuesTokens() async throws {
        let tenant = ServerFixtures.tenant()
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 1)) { simulator in
            // When
            let management = ServerFixtures.claims(try await simulator.token(tenant))
            let graph = ServerFixtures.claims(try await simulator.token(tenant, scope: SimulatorHarness.graphScope))

            // Then
            #expect(management["aud"] == "https://manage.office.com")
            #expect(management["tid"]?.stringValue == tenant.id.description)
            #expect(management["appid"]?.stringValue == tenant.application.clientID)
            #expect(management["roles"]?.arrayValue?.contains("ActivityFeed.Read") == true)
            #expect(management["roles"]?.arrayValue?.contains("AuditLog.Read.All") == false)
            #expect(graph["aud"] == "https://graph.microsoft.com")
            #expect(graph["roles"]?.arrayValue?.contains("AuditLog.Read.All") == true)
            let issued = try #require(management["iat"]?.scalarText.flatMap { Int64($0) })
            #expect(issued == ServerFixtures.start.millisecondsSince1970 / 1000 + 86_400)
        }
    }

    @Test("answers v2 with a numeric expires_in and v1 with strings and the resource")
    func responseShapes() async throws {
        let tenant = ServerFixtures.tenant()
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 1)) { simulator in
            let credentials = [("grant_type", "client_credentials"), ("client_id", tenant.application.clientID), ("client_secret", tenant.application.clientSecret)]
            let v2 = try await simulator.tokenRequest(tenant.domain, form: credentials + [("scope", SimulatorHarness.managementScope)])
            let v1 = try await simulator.tokenRequest(tenant.id.description, form: credentials + [("resource", "https://manage.office.com")], version: "v1")

            #expect(v2.status == 200)
            #expect(v2.json["token_type"] == "Bearer")
            #expect(v2.json["expires_in"] == .number("3599"))
            #expect(v1.status == 200)
            #expect(v1.json["expires_in"] == "3599")
            #expect(v1.json["resource"] == "https://manage.office.com")
        }
    }

    @Test(
        "refuses with Entra's errors",
        arguments: [
            ("unknown tenant", "error", 90002, "invalid_request"),
            ("unknown app", "app", 700016, "unauthorized_client"),
            ("bad secret", "secret", 7_000_215, "invalid_client"),
            ("invalid scope", "scope", 70011, "invalid_scope"),
            ("client assertion", "assertion", 700027, "invalid_client"),
        ])
    func errors(_ name: String, _ fault: String, _ code: Int, _ error: String) async throws {
        let tenant = ServerFixtures.tenant()
        try await withSimulator([tenant], clock: ServerFixtures.clock(days: 1)) { simulator in
            // Given
            var form: [(String, String)] = [
                ("grant_type", "client_credentials"), ("client_id", fault == "app" ? "00000000-1111-2222-3333-444444444444" : tenant.application.clientID),
                ("scope", fault == "scope" ? "https://manage.office.com/ActivityFeed.Read https://graph.microsoft.com/.default" : SimulatorHarness.managementScope),
            ]
            if fault == "assertion" {
                form += [("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), ("client_assertion", "eyJ.eyJ.sig")]
            } else {
                form.append(("client_secret", fault == "secret" ? "wrong" : tenant.application.clientSecret))
            }

            // When
            let exchange = try await simulator.tokenRequest(fault == "error" ? "nowhere.example" : tenant.id.description, form: form)

            // Then
            #expect([400, 401].contains(exchange.status))
            #expect(exchange.json["error"]?.stringValue == error)
            #expect(exchange.json["error_codes"] == .array([.number(String(code))]))
            #expect(exchange.json["error_description"]?.stringValue?.hasPrefix("AADSTS\(code): ") == true)
            #expect(exchange.json["error_description"]?.stringValue?.contains("\r\nTrace ID: ") == true)
            #expect(!exchange.text.contains(tenant.application.clientSecret))
        }
    }
}
