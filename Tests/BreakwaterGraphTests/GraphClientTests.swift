@testable import BreakwaterGraph
import BreakwaterModel
import Foundation
import Testing

@Suite("Graph client")
struct GraphClientTests {
    private static let signInsPath = "/beta/auditLogs/signIns"
    private static let window = DateInterval(
        start: Date(timeIntervalSince1970: 1_750_000_000), end: Date(timeIntervalSince1970: 1_750_003_600))

    private static func signIn(_ id: String) -> String {
        #"{ "id": "\#(id)", "createdDateTime": "2025-06-15T15:10:00Z", "userPrincipalName": "amy@contoso.example", "status": {"errorCode": 0}, "sessionId": "s-1" }"#
    }

    @Test("sign-ins are filtered by createdDateTime, paged by @odata.nextLink verbatim, and kept byte for byte")
    func signIns() async throws {
        try await ClientHarness.run { harness in
            let nextLink = harness.server.baseURL.absoluteString + Self.signInsPath + "?$top=2&$skiptoken=opaque%2Btoken"
            harness.server.route("GET", Self.signInsPath) { request in
                request.queryValue("$skiptoken") == nil
                    ? .json(200, #"{"@odata.context":"x","@odata.nextLink":"\#(nextLink)","value":[\#(Self.signIn("a")),\#(Self.signIn("b"))]}"#)
                    : .json(200, #"{"value":[\#(Self.signIn("c"))]}"#)
            }

            // When
            var page: GraphPage<GraphSignIn>? = try await harness.graph.signInPage(createdIn: Self.window, pageSize: 2)
            var signIns: [GraphSignIn] = []
            while let current = page {
                signIns += current.elements
                page = try await harness.graph.nextPage(after: current)
            }

            // Then
            #expect(signIns.map { String(decoding: $0.json, as: UTF8.self) } == ["a", "b", "c"].map(Self.signIn))
            let ids = try signIns.map { try $0.auditRecord().id.description }
            #expect(ids == ["a", "b", "c"])
            let requests = harness.server.requests(to: Self.signInsPath)
            #expect(requests.count == 2)
            #expect(requests[0].queryValue("$filter") == "createdDateTime ge 2025-06-15T15:06:40Z and createdDateTime le 2025-06-15T16:06:40Z")
            #expect(requests[0].queryValue("$top") == "2")
            #expect(requests[1].query == "$top=2&$skiptoken=opaque%2Btoken")
            #expect(requests.allSatisfy { $0.headers["authorization"] == "Bearer token-1" })
        }
    }

    @Test("the v1.0 option reads /v1.0/auditLogs/signIns")
    func signInsV1() async throws {
        try await ClientHarness.run { harness in
            harness.server.route("GET", "/v1.0/auditLogs/signIns", .json(200, #"{"value":[]}"#))

            let page = try await harness.graph.signInPage(createdIn: Self.window, version: .v1)

            #expect(page.elements.isEmpty)
            #expect(page.nextLink == nil)
        }
    }

    @Test("a tenant without Entra ID P1 gets a distinct licence error, not retried")
    func licence() async throws {
        try await ClientHarness.run { harness in
            harness.server.route("GET", Self.signInsPath, .graphError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant"))

            let error = await #expect(throws: GraphError.self) { _ = try await harness.graph.signInPage(createdIn: Self.window) }

            #expect(error?.kind == .premiumLicenceRequired)
            #expect(error?.code == .premiumLicenceRequired)
            #expect(harness.server.requests(to: Self.signInsPath).count == 1)
        }
    }

    @Test("429 with a decimal Retry-After and 503 are waited out and retried")
    func throttled() async throws {
        try await ClientHarness.run { harness in
            harness.server.route(
                "GET", Self.signInsPath, .graphError(429, "TooManyRequests", headers: [("Retry-After", "2.128")]), .graphError(503, "UnknownError"),
                .json(200, #"{"value":[]}"#))

            _ = try await harness.graph.signInPage(createdIn: Self.window)

            #expect(harness.virtualClock.sleeps == [.milliseconds(2128), .seconds(2)])
        }
    }

    @Test("users are asked for with $select and read as typed values")
    func users() async throws {
        try await ClientHarness.run { harness in
            harness.server.route(
                "GET", "/v1.0/users",
                .json(
                    200,
                    #"{"value":[{"id":"u1","displayName":"Amy","userPrincipalName":"amy@contoso.example","accountEnabled":true,"userType":"Member","createdDateTime":"2024-01-02T03:04:05Z"}]}"#
                ))

            let page = try await harness.graph.userPage(selecting: ["id", "displayName", "userPrincipalName", "accountEnabled"])

            #expect(page.elements.first?.userPrincipalName == "amy@contoso.example")
            #expect(page.elements.first?.accountEnabled == true)
            #expect(page.elements.first?.createdDateTime == Timestamp(iso8601: "2024-01-02T03:04:05Z")?.date)
            #expect(harness.server.requests(to: "/v1.0/users").first?.queryValue("$select") == "id,displayName,userPrincipalName,accountEnabled")
        }
    }

    @Test("inbox rules are listed across pages and deleted with 204")
    func inboxRules() async throws {
        try await ClientHarness.run { harness in
            let rulesPath = "/v1.0/users/amy@contoso.example/mailFolders/inbox/messageRules"
            let next = harness.server.baseURL.absoluteString + rulesPath + "?$skiptoken=2"
            harness.server.route("GET", rulesPath) { request in
                request.queryValue("$skiptoken") == nil
                    ? .json(
                        200,
                        #"{"@odata.nextLink":"\#(next)","value":[{"id":"AQAAAJ5dZqA=","displayName":".","sequence":1,"isEnabled":true,"conditions":{"subjectContains":["invoice"]},"actions":{"moveToFolder":"RSS","markAsRead":true,"stopProcessingRules":true}}]}"#
                    )
                    : .json(200, #"{"value":[{"id":"r2","displayName":"Forward","actions":{"forwardTo":[{"emailAddress":{"name":"X","address":"x@evil.example"}}]}}]}"#)
            }
            harness.server.route("DELETE", rulesPath + "/AQAAAJ5dZqA%3D", .empty(204))

            let rules = try await harness.graph.inboxRules(of: "amy@contoso.example")
            try await harness.graph.deleteInboxRule("AQAAAJ5dZqA=", of: "amy@contoso.example")

            #expect(rules.map(\.id) == ["AQAAAJ5dZqA=", "r2"])
            #expect(rules[0].actions?.moveToFolder == "RSS")
            #expect(rules[1].actions?.forwardTo?.first?.emailAddress?.address == "x@evil.example")
            #expect(String(decoding: rules[0].json, as: UTF8.self).contains(#""subjectContains":["invoice"]"#))
            #expect(harness.server.requests(to: rulesPath + "/AQAAAJ5dZqA%3D").count == 1)
        }
    }

    @Test("revoking sessions accepts 200 {value: true} and 204", arguments: [ScriptedResponse.json(200, #"{"@odata.context":"x","value":true}"#), .empty(204)])
    func revoke(response: ScriptedResponse) async throws {
        try await ClientHarness.run { harness in
            let path = "/v1.0/users/u1/revokeSignInSessions"
            harness.server.route("POST", path, response)

            try await harness.graph.revokeSignInSessions(of: "u1")

            #expect(harness.server.requests(to: path).count == 1)
        }
    }

    @Test("PATCH blocks sign-in and resets the password (204), sending only what changes")
    func updateUser() async throws {
        try await ClientHarness.run { harness in
            let path = "/v1.0/users/u1"
            harness.server.route("PATCH", path, .empty(204))

            try await harness.graph.updateUser("u1", with: .blockSignIn)
            try await harness.graph.updateUser("u1", with: .forcePasswordChange(newPassword: "N3w-P@ss"))

            let bodies = try harness.server.requests(to: path).map { try JSONSerialization.jsonObject(with: Data($0.body)) as? NSDictionary }
            #expect(bodies[0] == ["accountEnabled": false])
            #expect(bodies[1] == ["passwordProfile": ["password": "N3w-P@ss", "forceChangePasswordNextSignIn": true]])
            #expect(harness.server.requests(to: path).allSatisfy { $0.headers["content-type"] == "application/json" })
        }
    }

    @Test("Authorization_RequestDenied is typed as access denied with Graph's request id, and not retried")
    func denied() async throws {
        try await ClientHarness.run { harness in
            let path = "/v1.0/users/u1"
            harness.server.route("PATCH", path, .graphError(403, "Authorization_RequestDenied"))

            let error = await #expect(throws: GraphError.self) { try await harness.graph.updateUser("u1", with: .blockSignIn) }

            #expect(error?.kind == .accessDenied)
            #expect(error?.code == .authorizationRequestDenied)
            #expect(error?.requestID == "req-1")
            #expect(harness.server.requests(to: path).count == 1)
        }
    }

    @Test("an inbox rule already gone is a not-found error")
    func ruleGone() async throws {
        try await ClientHarness.run { harness in
            harness.server.route("DELETE", "/v1.0/users/u1/mailFolders/inbox/messageRules/r9", .graphError(404, "ErrorItemNotFound"))

            let error = await #expect(throws: GraphError.self) { try await harness.graph.deleteInboxRule("r9", of: "u1") }

            #expect(error?.kind == .notFound)
        }
    }

    @Test("MFA registration details are read as typed values")
    func registration() async throws {
        try await ClientHarness.run { harness in
            let path = "/v1.0/reports/authenticationMethods/userRegistrationDetails"
            harness.server.route(
                "GET", path,
                .json(
                    200,
                    #"{"value":[{"id":"u1","userPrincipalName":"amy@contoso.example","isAdmin":false,"isMfaCapable":true,"isMfaRegistered":true,"methodsRegistered":["microsoftAuthenticatorPush","mobilePhone"],"userPreferredMethodForSecondaryAuthentication":"push","lastUpdatedDateTime":"2025-06-01T10:00:00.1234567Z"}]}"#
                ))

            let page = try await harness.graph.userRegistrationDetailsPage(filter: "isMfaRegistered eq true")

            #expect(page.elements.first?.methodsRegistered == ["microsoftAuthenticatorPush", "mobilePhone"])
            #expect(page.elements.first?.isMfaRegistered == true)
            #expect(harness.server.requests(to: path).first?.queryValue("$filter") == "isMfaRegistered eq true")
        }
    }

    @Test("a page that is not Graph's JSON is a malformed response")
    func malformedPage() async throws {
        try await ClientHarness.run { harness in
            harness.server.route("GET", Self.signInsPath, .json(200, #"{"value":[{"id":"a"},"#))

            let error = await #expect(throws: TransportError.self) { _ = try await harness.graph.signInPage(createdIn: Self.window) }

            #expect(error?.code == .malformedResponse)
        }
    }
}
