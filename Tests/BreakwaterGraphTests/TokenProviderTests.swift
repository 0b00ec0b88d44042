@testable import BreakwaterGraph
import BreakwaterModel
import Crypto
import Foundation
import Testing
import _CryptoExtras

@Suite("Token provider")
struct TokenProviderTests {
    private static let management = "https://manage.office.com"
    private static let graph = "https://graph.microsoft.com"

    @Test("a client secret is posted as a form with the resource's .default scope")
    func secret() async throws {
        try await ClientHarness.run { harness in
            // When
            let token = try await harness.transport.tokens.accessToken(for: harness.credentials, resource: Self.management)

            // Then
            #expect(token.value == "token-1")
            #expect(token.expiresAt == harness.clock.now.addingTimeInterval(3599))
            let request = try #require(harness.server.requests(to: ClientHarness.tokenPath).first)
            #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
            #expect(request.formValue("grant_type") == "client_credentials")
            #expect(request.formValue("client_id") == ClientHarness.clientID)
            #expect(request.formValue("scope") == "https://manage.office.com/.default")
            #expect(request.formValue("client_secret") == "s3cret+/=&value")
            #expect(request.formValue("client_assertion") == nil)
        }
    }

    @Test("a certificate signs a PS256 assertion with the SHA-256 thumbprint that the public key verifies")
    func certificatePS256() async throws {
        let certificate = try ClientCertificate(
            privateKeyPEM: TestCertificate.privateKeyPEM, certificate: Array(TestCertificate.certificatePEM.utf8))
        try await ClientHarness.run(proof: .certificate(certificate)) { harness in
            _ = try await harness.transport.tokens.accessToken(for: harness.credentials, resource: Self.management)

            let request = try #require(harness.server.requests(to: ClientHarness.tokenPath).first)
            #expect(request.formValue("client_assertion_type") == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            #expect(request.formValue("client_secret") == nil)
            let assertion = try Assertion(try #require(request.formValue("client_assertion")))
            #expect(assertion.header["alg"] == "PS256")
            #expect(assertion.header["typ"] == "JWT")
            #expect(assertion.header["x5t#S256"] == Self.base64URL(hex: TestCertificate.sha256Fingerprint))
            #expect(assertion.header["x5t"] == nil)
            try Self.expectClaims(assertion, harness: harness)
            let publicKey = try _RSA.Signing.PrivateKey(pemRepresentation: TestCertificate.privateKeyPEM).publicKey
            #expect(publicKey.isValidSignature(assertion.signature, for: SHA256.hash(data: assertion.signingInput), padding: .PSS))
            #expect(!publicKey.isValidSignature(assertion.signature, for: SHA256.hash(data: Array("tampered".utf8)), padding: .PSS))
        }
    }

    @Test("the RS256 option signs with PKCS #1 v1.5 and names the SHA-1 thumbprint in x5t")
    func certificateRS256() async throws {
        let der = try #require(PEMBlock.first(in: TestCertificate.certificatePEM, labels: ["CERTIFICATE"])?.bytes)
        let certificate = try ClientCertificate(privateKeyPEM: TestCertificate.privateKeyPEM, certificate: der, algorithm: .rs256)
        try await ClientHarness.run(proof: .certificate(certificate)) { harness in
            _ = try await harness.transport.tokens.accessToken(for: harness.credentials, resource: Self.graph)

            let request = try #require(harness.server.requests(to: ClientHarness.tokenPath).first)
            let assertion = try Assertion(try #require(request.formValue("client_assertion")))
            #expect(assertion.header["alg"] == "RS256")
            #expect(assertion.header["x5t"] == Self.base64URL(hex: TestCertificate.sha1Fingerprint))
            try Self.expectClaims(assertion, harness: harness)
            let publicKey = try _RSA.Signing.PrivateKey(pemRepresentation: TestCertificate.privateKeyPEM).publicKey
            #expect(
                publicKey.isValidSignature(assertion.signature, for: SHA256.hash(data: assertion.signingInput), padding: .insecurePKCS1v1_5))
        }
    }

    @Test("thumbprints match openssl's fingerprints, whether the certificate comes as PEM or DER")
    func thumbprints() throws {
        let pem = try ClientCertificate(privateKeyPEM: TestCertificate.privateKeyPEM, certificate: Array(TestCertificate.certificatePEM.utf8))
        let der = try ClientCertificate(privateKeyPEM: TestCertificate.privateKeyPEM, certificate: pem.certificateDER)
        #expect(Self.hex(pem.sha1Thumbprint) == TestCertificate.sha1Fingerprint)
        #expect(Self.hex(pem.sha256Thumbprint) == TestCertificate.sha256Fingerprint)
        #expect(der.certificateDER == pem.certificateDER)
        #expect(pem.description == "certificate \(TestCertificate.sha1Fingerprint)")
        // The key and certificate may come together in one PEM text.
        _ = try ClientCertificate(
            privateKeyPEM: TestCertificate.certificatePEM + "\n" + TestCertificate.privateKeyPEM, certificate: pem.certificateDER)
        #expect(throws: CertificateReadingError.self) {
            try ClientCertificate(privateKeyPEM: TestCertificate.certificatePEM, certificate: pem.certificateDER)
        }
        #expect(throws: CertificateReadingError.self) {
            try ClientCertificate(privateKeyPEM: TestCertificate.privateKeyPEM, certificate: Array("not a certificate".utf8))
        }
    }

    @Test("tokens are cached per tenant and resource, and refreshed once less than the margin is left")
    func cacheAndRefresh() async throws {
        try await ClientHarness.run { harness in
            // Given a v1-style response whose expires_in is a string
            harness.server.route(
                "POST", ClientHarness.tokenPath, .json(200, #"{"token_type":"Bearer","expires_in":"3600","access_token":"token-A"}"#),
                .json(200, #"{"token_type":"Bearer","expires_in":3600,"access_token":"token-B"}"#),
                .json(200, #"{"token_type":"Bearer","expires_in":3600,"access_token":"token-C"}"#))
            let tokens = harness.transport.tokens
            @Sendable func token(_ resource: String) async throws -> String {
                try await tokens.accessToken(for: harness.credentials, resource: resource).value
            }

            // When / Then: the same key is served from the cache
            let first = try await token(Self.management)
            #expect(first == "token-A")
            let second = try await token(Self.management)
            #expect(second == "token-A")
            // another resource is another token
            let graph = try await token(Self.graph)
            #expect(graph == "token-B")
            #expect(harness.server.requests(to: ClientHarness.tokenPath).count == 2)
            // still more than five minutes left: cached
            harness.virtualClock.advance(by: 3600 - 301)
            let beforeMargin = try await token(Self.management)
            #expect(beforeMargin == "token-A")
            // less than five minutes left: refreshed ahead of expiry
            harness.virtualClock.advance(by: 2)
            let refreshed = try await token(Self.management)
            #expect(refreshed == "token-C")
            #expect(harness.server.requests(to: ClientHarness.tokenPath).count == 3)
        }
    }

    @Test("concurrent callers for one key share a single token request")
    func singleFlight() async throws {
        try await ClientHarness.run { harness in
            // Given a token endpoint that answers only once the test lets it
            let (gate, openGate) = AsyncStream.makeStream(of: Void.self)
            harness.server.route("POST", ClientHarness.tokenPath) { _ in
                for await _ in gate {}
                return .json(200, #"{"token_type":"Bearer","expires_in":3599,"access_token":"shared"}"#)
            }
            let tokens = harness.transport.tokens

            // When ten callers ask while the first request is in flight
            try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await tokens.accessToken(for: harness.credentials, resource: Self.management).value }
                }
                while await tokens.joinedRequests < 9 {
                    await Task.yield()
                }
                openGate.finish()

                // Then all get the one token
                for try await value in group {
                    #expect(value == "shared")
                }
            }
            #expect(harness.server.requests(to: ClientHarness.tokenPath).count == 1)
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var status: Int
        var body: String
        var code: AuthenticationError.Code
        var aadsts: Int?
        var advice: String
        var testDescription: String { "\(code)" }
    }

    static let refusals: [Refusal] = [
        Refusal(
            status: 400, body: #"{"error":"unauthorized_client","error_description":"AADSTS700016: Application with identifier 'x' was not found in the directory 'y'.\r\nTrace ID: t\r\nCorrelation ID: c","error_codes":[700016],"trace_id":"t","correlation_id":"c"}"#,
            code: .applicationNotFound, aadsts: 700016, advice: "admin-consent"),
        Refusal(
            status: 401, body: #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}"#,
            code: .invalidClientSecret, aadsts: 7000215, advice: "not its Secret ID"),
        Refusal(
            status: 401, body: #"{"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys for app 'x' are expired."}"#,
            code: .expiredClientSecret, aadsts: 7000222, advice: "Create a new secret"),
        Refusal(
            status: 400, body: #"{"error":"invalid_scope","error_description":"AADSTS70011: The provided request must include a 'scope' input parameter.","error_codes":[70011]}"#,
            code: .invalidScope, aadsts: 70011, advice: "cloud setting"),
        Refusal(
            status: 400, body: #"{"error":"invalid_request","error_description":"AADSTS90002: Tenant 'x' not found.","error_codes":[90002]}"#,
            code: .unknownTenant, aadsts: 90002, advice: "Check the tenant id"),
        Refusal(status: 401, body: #"{"error":"invalid_client"}"#, code: .invalidClientSecret, aadsts: nil, advice: "Check the client secret"),
    ]

    @Test("Entra's refusals become typed errors with the AADSTS code and what to do, and are not retried", arguments: refusals)
    func refusal(_ refusal: Refusal) async throws {
        try await ClientHarness.run { harness in
            harness.server.route("POST", ClientHarness.tokenPath, .json(refusal.status, refusal.body))

            let error = await #expect(throws: AuthenticationError.self) {
                _ = try await harness.management.listSubscriptions()
            }

            #expect(error?.code == refusal.code)
            #expect(error?.aadstsCode == refusal.aadsts)
            #expect(error?.isTransient == false)
            #expect(error?.explanation.contains(refusal.advice) == true)
            #expect(error?.description.contains("s3cret") == false)
            #expect(harness.server.requests(to: ClientHarness.tokenPath).count == 1)
            #expect(harness.server.requests(to: ClientHarness.feedPath("subscriptions/list")).isEmpty)
        }
    }

    @Test("Entra being unavailable is transient: the request waits and tries again")
    func unavailable() async throws {
        try await ClientHarness.run { harness in
            harness.server.route(
                "POST", ClientHarness.tokenPath, .json(503, #"{"error":"temporarily_unavailable"}"#),
                .json(200, #"{"token_type":"Bearer","expires_in":3599,"access_token":"token-1"}"#))
            harness.server.route("GET", ClientHarness.feedPath("subscriptions/list"), .json(200, "[]"))

            let subscriptions = try await harness.management.listSubscriptions()
            #expect(subscriptions.isEmpty)
            #expect(harness.server.requests(to: ClientHarness.tokenPath).count == 2)
            #expect(harness.virtualClock.sleeps == [.seconds(1)])
        }
    }

    @Test("descriptions never show the secret, the token or a new password")
    func redaction() {
        let credentials = TenantCredentials(tenant: ClientHarness.tenant, clientID: "app", proof: .secret(ClientSecret("hunter2")))
        #expect(!"\(credentials)".contains("hunter2"))
        #expect(!String(reflecting: ClientSecret("hunter2")).contains("hunter2"))
        let token = AccessToken(value: "eyJ.secret.token", resource: Self.graph, expiresAt: Date())
        #expect(!"\(token)".contains("eyJ"))
        #expect(!"\(UserUpdate.forcePasswordChange(newPassword: "Tr0ub4dor&3"))".contains("Tr0ub4dor"))
    }

    // MARK: - Helpers

    private static func expectClaims(_ assertion: Assertion, harness: ClientHarness) throws {
        let now = Int64(harness.clock.now.timeIntervalSince1970)
        #expect(assertion.claims["aud"] as? String == harness.server.baseURL.absoluteString + ClientHarness.tokenPath)
        #expect(assertion.claims["iss"] as? String == ClientHarness.clientID)
        #expect(assertion.claims["sub"] as? String == ClientHarness.clientID)
        #expect(UUID(uuidString: try #require(assertion.claims["jti"] as? String)) != nil)
        #expect((assertion.claims["nbf"] as? NSNumber)?.int64Value == now)
        #expect((assertion.claims["iat"] as? NSNumber)?.int64Value == now)
        #expect((assertion.claims["exp"] as? NSNumber)?.int64Value == now + 600)
    }

    /// A compact JWT taken apart.
    private struct Assertion {
        var header: [String: String]
        var claims: [String: Any]
        var signingInput: [UInt8]
        var signature: _RSA.Signing.RSASignature

        init(_ compact: String) throws {
            let parts = compact.split(separator: ".").map(String.init)
            try #require(parts.count == 3)
            header = try #require(try JSONSerialization.jsonObject(with: try TokenProviderTests.base64URLDecode(parts[0])) as? [String: String])
            claims = try #require(try JSONSerialization.jsonObject(with: try TokenProviderTests.base64URLDecode(parts[1])) as? [String: Any])
            signingInput = Array("\(parts[0]).\(parts[1])".utf8)
            signature = _RSA.Signing.RSASignature(rawRepresentation: try TokenProviderTests.base64URLDecode(parts[2]))
        }
    }

    private static func base64URLDecode(_ text: String) throws -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return try #require(Data(base64Encoded: base64))
    }

    private static func base64URL(hex: String) -> String {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return ClientAssertion.base64URL(bytes)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02X", $0) }.joined()
    }
}
