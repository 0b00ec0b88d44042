@testable import BreakwaterGraph
import BreakwaterModel
import BreakwaterTesting
import Foundation
import Testing

@Suite("Management Activity API client")
struct ManagementActivityClientTests {
    private static let contentPath = ClientHarness.feedPath("subscriptions/content")
    private static let window = ContentWindow(
        start: Date(timeIntervalSince1970: 1_749_900_000), end: Date(timeIntervalSince1970: 1_749_900_000 + 86_400))

    private static func item(_ id: String, base: URL, created: String = "2025-06-14T10:00:00.000Z") -> String {
        let uri = base.absoluteString + ClientHarness.feedPath("audit/\(id)")
        return #"{"contentType":"Audit.Exchange","contentId":"\#(id)","contentUri":"\#(uri)","contentCreated":"\#(created)","contentExpiration":"2025-06-21T10:00:00.000Z"}"#
    }

    @Test("start sends the content type and PublisherIdentifier with the token, and reads the enabled subscription")
    func start() async throws {
        try await ClientHarness.run { harness in
            let path = ClientHarness.feedPath("subscriptions/start")
            harness.server.route("POST", path, .json(200, #"{"contentType":"Audit.Exchange","status":"enabled","webhook":null}"#))

            let subscription = try await harness.management.startSubscription(.exchange)

            #expect(subscription == Subscription(contentType: .exchange, status: "enabled"))
            #expect(subscription.isEnabled)
            let request = try #require(harness.server.requests(to: path).first)
            #expect(request.queryValue("contentType") == "Audit.Exchange")
            #expect(request.queryValue("PublisherIdentifier") == "\(ClientHarness.publisher)")
            #expect(request.headers["authorization"] == "Bearer token-1")
        }
    }

    @Test("HTTP 400 AF20024 (already enabled) is success; another refusal is a fatal error, not retried")
    func alreadyEnabled() async throws {
        try await ClientHarness.run { harness in
            let path = ClientHarness.feedPath("subscriptions/start")
            harness.server.route("POST", path, .managementError(400, "AF20024", "The subscription is already enabled. No property change."))
            let confirmed = try await harness.management.startSubscription(.sharePoint)
            #expect(confirmed.isEnabled)

            harness.server.route("POST", path, .managementError(400, "AF20020", "The content type is invalid."))
            let error = await #expect(throws: ManagementAPIError.self) { try await harness.management.startSubscription(ContentType(rawValue: "Audit.Nope")) }
            #expect(error?.code == "AF20020")
            #expect(error?.classification == .fatalConfiguration)
            #expect(harness.server.requests(to: path).count == 2)
            #expect(harness.virtualClock.sleeps.isEmpty)
        }
    }

    @Test("listing subscriptions reads webhooks, null or not")
    func listSubscriptions() async throws {
        try await ClientHarness.run { harness in
            harness.server.route(
                "GET", ClientHarness.feedPath("subscriptions/list"),
                .json(
                    200,
                    #"[{"contentType":"Audit.Exchange","status":"enabled","webhook":null},{"contentType":"DLP.All","status":"disabled","webhook":{"status":"expired","address":"https://hook.example","authId":"a","expiration":""}}]"#
                ))

            let subscriptions = try await harness.management.listSubscriptions()

            #expect(subscriptions.map(\.contentType) == [.exchange, .dataLossPrevention])
            #expect(subscriptions[1].webhook?.status == "expired")
            #expect(!subscriptions[1].isEnabled)
            #expect(harness.server.requests(to: ClientHarness.feedPath("subscriptions/list")).first?.queryValue("PublisherIdentifier") != nil)
        }
    }

    @Test("content pages follow NextPageUri, NextPageUrl and odd casings verbatim, with PublisherIdentifier on every page")
    func paging() async throws {
        try await ClientHarness.run { harness in
            // Given four pages; the next-page URLs use /api/v1/ and a nextPage token, as Microsoft's do
            let base = harness.server.baseURL.absoluteString
            let pagePath = "/api/v1/\(ClientHarness.tenant)/activity/feed/subscriptions/content"
            let query = "contentType=Audit.Exchange&startTime=2025-06-14T11:20:00&endTime=2025-06-15T11:20:00"
            harness.server.route(
                "GET", Self.contentPath,
                .json(200, "[\(Self.item("a$1", base: harness.server.baseURL))]", headers: [("NextPageUri", "\(base)\(pagePath)?\(query)&nextPage=p2")]))
            harness.server.route("GET", pagePath) { request in
                switch request.queryValue("nextPage") {
                case "p2":
                    return .json(200, "[\(Self.item("b$2", base: harness.server.baseURL))]", headers: [("NextPageUrl", "\(base)\(pagePath)?\(query)&nextPage=p3")])
                case "p3":
                    return .json(200, "[]", headers: [("nEXTpAGEuRI", "\(base)\(pagePath)?\(query)&nextPage=p4&publisheridentifier=\(ClientHarness.publisher)")])
                default:
                    return .json(200, "[\(Self.item("c$3", base: harness.server.baseURL))]")
                }
            }

            // When
            let items = try await harness.management.listContent(.exchange, in: Self.window)

            // Then every page was read, in order
            #expect(items.map(\.contentId) == ["a$1", "b$2", "c$3"])
            #expect(items[0].contentCreated == Timestamp(iso8601: "2025-06-14T10:00:00Z")?.date)
            let first = try #require(harness.server.requests(to: Self.contentPath).first)
            #expect(first.queryValue("startTime") == "2025-06-14T11:20:00")
            #expect(first.queryValue("endTime") == "2025-06-15T11:20:00")
            let next = harness.server.requests(to: pagePath)
            #expect(next.map { $0.queryValue("nextPage") } == ["p2", "p3", "p4"])
            // followed verbatim, PublisherIdentifier appended only where missing
            #expect(next[0].query == "\(query)&nextPage=p2&PublisherIdentifier=\(ClientHarness.publisher)")
            #expect(next[2].query == "\(query)&nextPage=p4&publisheridentifier=\(ClientHarness.publisher)")
            for request in harness.server.requests() where request.path != ClientHarness.tokenPath {
                #expect(request.queryValues(caseInsensitive: "PublisherIdentifier") == ["\(ClientHarness.publisher)"])
            }
        }
    }

    @Test("a blob streams to a file of its own, fetched with PublisherIdentifier")
    func download() async throws {
        try await ClientHarness.run { harness in
            let blob = #"[{"Id":"1","CreationTime":"2025-06-14T10:00:00","Operation":"Send"},{"Id":"2","CreationTime":"2025-06-14T10:00:01","Operation":"Send"}]"#
            let path = ClientHarness.feedPath("audit/0001$0001$audit_exchange$Audit_Exchange")
            harness.server.route("GET", path, .json(200, blob + "\n"))
            let directory = try TemporaryDirectory()
            let item = try ContentItem(
                listedJSON: Self.item("0001$0001$audit_exchange$Audit_Exchange", base: harness.server.baseURL))

            let downloaded = try await harness.management.downloadContent(item, into: URL(fileURLWithPath: directory.path))

            let saved = try Data(contentsOf: downloaded.file)
            #expect(saved == Data((blob + "\n").utf8))
            #expect(downloaded.byteCount == blob.utf8.count + 1)
            #expect(downloaded.file.deletingLastPathComponent().standardizedFileURL.path == URL(fileURLWithPath: directory.path).standardizedFileURL.path)
            #expect(harness.server.requests(to: path).first?.queryValue("PublisherIdentifier") == "\(ClientHarness.publisher)")
        }
    }

    @Test("a connection cut inside a blob is retried; the short body is never handed back")
    func truncatedThenWhole() async throws {
        try await ClientHarness.run { harness in
            let blob = "[" + (0..<50).map { #"{"Id":"\#($0)","CreationTime":"2025-06-14T10:00:00"}"# }.joined(separator: ",") + "]"
            let path = ClientHarness.feedPath("audit/cut")
            var cut = ScriptedResponse.json(200, blob)
            cut.cutAfter = blob.utf8.count / 3
            harness.server.route("GET", path, cut, .json(200, blob))
            let directory = try TemporaryDirectory()

            let downloaded = try await harness.management.downloadContent(
                at: harness.server.baseURL.absoluteString + path, into: URL(fileURLWithPath: directory.path))

            let saved = try Data(contentsOf: downloaded.file)
            #expect(saved == Data(blob.utf8))
            #expect(harness.server.requests(to: path).count == 2)
            #expect(harness.virtualClock.sleeps == [.seconds(1)])
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(files == [downloaded.file.lastPathComponent])
        }
    }

    @Test("a blob that never arrives whole is a retryable truncated-body error, and no file is left", arguments: [true, false])
    func alwaysTruncated(cutConnection: Bool) async throws {
        try await ClientHarness.run { harness in
            let path = ClientHarness.feedPath("audit/short")
            var response = ScriptedResponse.json(200, #"[{"Id":"1","CreationTime":"2025-06-14T10:00:00"},{"Id":"2""#)
            if cutConnection {
                response = .json(200, #"[{"Id":"1","CreationTime":"2025-06-14T10:00:00"}]"#)
                response.cutAfter = 10
            }
            harness.server.route("GET", path, response)
            let directory = try TemporaryDirectory()

            let error = await #expect(throws: TransportError.self) {
                _ = try await harness.management.downloadContent(
                    at: harness.server.baseURL.absoluteString + path, into: URL(fileURLWithPath: directory.path))
            }

            #expect(error?.code == .truncatedBody)
            #expect(error?.isRetryable == true)
            #expect(harness.server.requests(to: path).count == ClientHarness.retry.maximumAttempts)
            #expect(harness.virtualClock.sleeps == [.seconds(1), .seconds(2), .seconds(4)])
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(files.isEmpty)
        }
    }

    @Test("AF429 under HTTP 403 and under 429 is throttling: backed off exponentially and retried")
    func throttled() async throws {
        try await ClientHarness.run { harness in
            harness.server.route(
                "GET", Self.contentPath, .managementError(403, "AF429", "Too many requests. Method=ListContent, PublisherId=x"),
                .managementError(429, "AF429"), .json(200, "[]"))

            let items = try await harness.management.listContent(.exchange, in: Self.window)
            #expect(items.isEmpty)
            #expect(harness.server.requests(to: Self.contentPath).count == 3)
            #expect(harness.virtualClock.sleeps == [.seconds(1), .seconds(2)])
        }
    }

    @Test("a decimal Retry-After is honoured instead of the back-off")
    func retryAfter() async throws {
        try await ClientHarness.run { harness in
            harness.server.route("GET", Self.contentPath, .managementError(429, "AF429", headers: [("Retry-After", "2.128")]), .json(200, "[]"))

            _ = try await harness.management.listContent(.exchange, in: Self.window)

            #expect(harness.virtualClock.sleeps == [.milliseconds(2128)])
        }
    }

    @Test("server errors are retried until one succeeds")
    func serverErrors() async throws {
        try await ClientHarness.run { harness in
            harness.server.route(
                "GET", ClientHarness.feedPath("subscriptions/list"), .managementError(500, "AF50000", "Please retry the request again in an hour"),
                ScriptedResponse(status: 502, headers: [("Content-Type", "text/html")], body: Array("<html>Bad gateway</html>".utf8)),
                .managementError(500, "AF50005"), .json(200, "[]"))

            let subscriptions = try await harness.management.listSubscriptions()
            #expect(subscriptions.isEmpty)
            #expect(harness.virtualClock.sleeps == [.seconds(1), .seconds(2), .seconds(4)])
        }
    }

    @Test("throttling that outlasts the retries surfaces as a throttled error")
    func retriesExhausted() async throws {
        try await ClientHarness.run { harness in
            harness.server.route("GET", Self.contentPath, .empty(503))

            let error = await #expect(throws: ManagementAPIError.self) { _ = try await harness.management.listContent(.general, in: Self.window) }

            #expect(error?.classification == .throttled)
            #expect(error?.httpStatus == 503)
            #expect(harness.server.requests(to: Self.contentPath).count == 4)
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var response: ScriptedResponse
        var classification: ManagementAPIError.Classification
        var testDescription: String { "\(response.status) → \(classification)" }
    }

    @Test(
        "refusals that retrying cannot fix are returned at once, classified",
        arguments: [
            Refusal(response: .managementError(401, "AF10001", "The permission set () sent in the request does not include the expected permission."), classification: .fatalConfiguration),
            Refusal(response: .managementError(400, "AF20030", "Start time and end time must both be specified"), classification: .badWindow),
            Refusal(response: .managementError(400, "AF20055", "Start time cannot be more than 7 days in the past."), classification: .badWindow),
            Refusal(response: .managementError(400, "AF20022", "No subscription found for the specified content type"), classification: .startSubscriptionThenRetry),
            Refusal(response: .managementError(400, "AF20023", "The subscription was disabled by a tenant administrator"), classification: .startSubscriptionThenRetry),
            Refusal(response: .managementError(400, "AF20031", "Invalid nextPage"), classification: .retry),
            Refusal(
                response: .managementError(400, "StartSubscription [CorrId=1][TenantId=2,ContentType=Audit.Exchange]", "failed. Exception: Microsoft.Office.Compliance.Audit.DataServiceException: Tenant x does not exist."),
                classification: .fatalConfiguration),
        ])
    func refusals(_ refusal: Refusal) async throws {
        try await ClientHarness.run { harness in
            harness.server.route("GET", Self.contentPath, refusal.response)

            let error = await #expect(throws: ManagementAPIError.self) { _ = try await harness.management.listContent(.exchange, in: Self.window) }

            #expect(error?.classification == refusal.classification)
            #expect(harness.server.requests(to: Self.contentPath).count == 1)
            #expect(harness.virtualClock.sleeps.isEmpty)
        }
    }

    @Test(
        "a blob that cannot be had is gone (drop it) or expired (record a gap), without retries",
        arguments: [
            (ScriptedResponse.managementError(400, "AF20051", "Content requested with the key x has already expired."), ManagementAPIError.Classification.contentExpired),
            (.managementError(400, "AF20050", "The specified content does not exist."), .contentGone),
            (.managementError(400, "AF20052", "Content ID in the URL is invalid."), .contentGone),
            (.empty(404), .contentGone),
        ])
    func blobRefusals(response: ScriptedResponse, classification: ManagementAPIError.Classification) async throws {
        try await ClientHarness.run { harness in
            let path = ClientHarness.feedPath("audit/old")
            harness.server.route("GET", path, response)
            let directory = try TemporaryDirectory()

            let error = await #expect(throws: ManagementAPIError.self) {
                _ = try await harness.management.downloadContent(at: harness.server.baseURL.absoluteString + path, into: URL(fileURLWithPath: directory.path))
            }

            #expect(error?.classification == classification)
            #expect(harness.server.requests(to: path).count == 1)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(files.isEmpty)
        }
    }

    @Test("a refused token (HTTP 401 without an AF code) is renewed once and the request repeated")
    func renewedToken() async throws {
        try await ClientHarness.run { harness in
            harness.server.route(
                "POST", ClientHarness.tokenPath, .json(200, #"{"expires_in":3599,"access_token":"stale"}"#),
                .json(200, #"{"expires_in":3599,"access_token":"fresh"}"#))
            let path = ClientHarness.feedPath("subscriptions/list")
            harness.server.route("GET", path) { request in
                request.headers["authorization"] == "Bearer fresh" ? .json(200, "[]") : .json(401, #"{"error":{"code":"","message":"token expired"}}"#)
            }

            let subscriptions = try await harness.management.listSubscriptions()
            #expect(subscriptions.isEmpty)
            #expect(harness.server.requests(to: path).map { $0.headers["authorization"] } == ["Bearer stale", "Bearer fresh"])
        }
    }

    @Test("credentials are never sent to a next page on another host")
    func untrustedNextPage() async throws {
        try await ClientHarness.run { harness in
            harness.server.route("GET", Self.contentPath, .json(200, "[]", headers: [("NextPageUri", "https://attacker.example/api/v1/x?nextPage=2")]))

            let error = await #expect(throws: TransportError.self) { _ = try await harness.management.listContent(.exchange, in: Self.window) }

            #expect(error?.code == .untrustedURL)
            #expect(error?.isRetryable == false)
        }
    }

    @Test(
        "codes classify whatever status they come with; statuses classify what has no AF code",
        arguments: [
            ("AF429", 403, ManagementAPIError.Classification.throttled), ("af429", 429, .throttled), ("", 429, .throttled), ("", 503, .throttled),
            ("AF50000", 500, .retry), ("AF50006", 500, .retry), ("", 502, .retry), ("", 408, .retry), ("AF20031", 400, .retry),
            ("AF20051", 400, .contentExpired), ("AF20050", 400, .contentGone), ("", 404, .contentGone), ("AF20030", 400, .badWindow),
            ("AF10001", 401, .fatalConfiguration), ("AF20010", 403, .fatalConfiguration), ("", 401, .fatalConfiguration),
        ])
    func classification(code: String, status: Int, expected: ManagementAPIError.Classification) {
        #expect(ManagementAPIError.classify(code: code, httpStatus: status) == expected)
    }
}

extension ContentItem {
    /// One content item from its JSON, as a list holds it.
    init(listedJSON json: String) throws {
        self = try MicrosoftJSON.decode(ContentItem.self, from: Array(json.utf8), what: "a content item")
    }
}
