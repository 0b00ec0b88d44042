import ArgumentParser
import AsyncHTTPClient
import BreakwaterGraph
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation
import Logging

/// `breakwater tenant test`: checks a tenant's credentials and permissions against the
/// services, and names what is missing.
struct TenantTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check a tenant's credentials, permissions and licences against Microsoft (or the simulator).",
        discussion: """
            Signs in for the Management Activity API and for Graph, lists the audit \
            subscriptions, reads one page of sign-ins, users and MFA registration, and says \
            for each check what failed and what to change (a permission to grant, a licence \
            the tenant lacks, a secret that expired). Exits 1 when a check that collection \
            needs fails.
            """)

    @Argument(help: "The tenant's directory id.")
    var tenant: TenantID

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var key: SecretKeyOptions

    func run() async throws {
        let store = try archive.openExisting()
        guard let monitored = try await store.monitoredTenants(in: .only([tenant])).first else {
            throw ValidationError("\(tenant) is not a monitored tenant ('breakwater tenant list' shows them)")
        }
        let credentials = try ServeCommand.credentials(of: monitored, box: try key.box(create: false))
        let endpoints = try ServeCommand.endpoints(of: monitored)
        try await withMicrosoftHTTPClient { http in
            let logger = Logger(label: "breakwater.tenant-test", factory: { _ in SwiftLogNoOpLogHandler() })
            let transport = MicrosoftTransport(httpClient: http, endpoints: endpoints, logger: logger)
            let management = ManagementActivityClient(
                transport: transport, endpoints: endpoints, credentials: credentials, publisherIdentifier: monitored.publisherID)
            let graph = GraphClient(transport: transport, endpoints: endpoints, credentials: credentials)

            print("\(TerminalText.sanitized(monitored.displayName)) (\(tenant)), app \(TerminalText.sanitized(monitored.clientID))")
            var needed = true
            needed = await check("Sign in for the Management Activity API", required: true) {
                _ = try await transport.tokens.accessToken(for: credentials, resource: endpoints.managementResource)
            } && needed
            needed = await check("Sign in for Microsoft Graph", required: true) {
                _ = try await transport.tokens.accessToken(for: credentials, resource: endpoints.graphResource)
            } && needed
            needed = await check("List audit subscriptions (ActivityFeed.Read)", required: true) {
                _ = try await management.listSubscriptions()
            } && needed
            _ = await check("Read sign-ins (AuditLog.Read.All; needs Entra ID P1, else sign-ins come from the audit log)", required: false) {
                _ = try await graph.signInPage(createdIn: DateInterval(start: Date().addingTimeInterval(-3600), end: Date()), pageSize: 1)
            }
            _ = await check("Read users (User.Read.All or Directory.Read.All)", required: false) {
                _ = try await graph.userPage(pageSize: 1)
            }
            _ = await check("Read MFA registration (AuditLog.Read.All)", required: false) {
                _ = try await graph.userRegistrationDetailsPage()
            }
            if !needed { throw ExitCode(1) }
        }
    }

    /// Runs one check and prints its outcome; returns whether it passed.
    private func check(_ name: String, required: Bool, _ body: () async throws -> Void) async -> Bool {
        do {
            try await body()
            print("  ok    \(name)")
            return true
        } catch {
            print("  \(required ? "FAIL" : "warn")  \(name)")
            print("        \(TerminalText.sanitized(Self.explain(error)))")
            return false
        }
    }

    private static func explain(_ error: any Error) -> String {
        switch error {
        case let error as AuthenticationError: error.explanation
        case let error as ManagementAPIError: "\(error.code): \(error.explanation)"
        case let error as GraphError: "\(error.code): \(error.explanation)"
        default: String(describing: error)
        }
    }
}
