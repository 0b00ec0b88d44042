import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import Testing

@Suite("breakwater tenant")
struct TenantCommandTests {
    let runner = CommandRunner()
    let tenant = "9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11"
    let secret = "q~8Q.Contoso-Client_Secret-0123456789"

    /// A scratch archive and key file, and the environment that points at them.
    struct Workspace {
        let directory: TemporaryDirectory
        var archive: String { directory.file("archive.sqlite") }
        var environment: [String: String] { ["BREAKWATER_KEY_FILE": directory.file("secret.key"), "BREAKWATER_SECRET_KEY": ""] }

        init() throws { directory = try TemporaryDirectory() }
    }

    func run(_ arguments: [String], in workspace: Workspace, extra: [String: String] = [:]) throws -> CommandRunner.Outcome {
        var environment = workspace.environment.filter { !$0.value.isEmpty }
        for (key, value) in extra { environment[key] = value }
        return try runner.run(arguments + ["--db", workspace.archive], environment: environment)
    }

    @Test("adds a tenant with its secret sealed, lists it without the secret, journals who did it, removes it")
    func lifecycle() async throws {
        let workspace = try Workspace()
        let secretFile = try workspace.directory.write("secret.txt", secret + "\n")
        let added = try run(
            ["tenant", "add", "--tenant", tenant, "--name", "Contoso <script>", "--domain", "Contoso.com", "--client-id", "1b7e5a9c-app",
             "--client-secret-file", secretFile, "--publisher", "11111111-1111-4111-8111-111111111111"], in: workspace, extra: ["USER": "alice"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("Added"))

        let listed = try run(["tenant", "list"], in: workspace)
        #expect(listed.status == 0)
        #expect(listed.standardOutput.contains(tenant))
        #expect(listed.standardOutput.contains("contoso.com"))
        #expect(listed.standardOutput.contains("by secret"))
        #expect(listed.standardOutput.contains("not collected yet"))
        #expect(!listed.standardOutput.contains(secret))

        var archived = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path) where name.hasPrefix("archive") {
            archived += try Data(contentsOf: URL(fileURLWithPath: workspace.directory.file(name)))
        }
        #expect(archived.range(of: Data(secret.utf8)) == nil)
        let keyFile = try FileManager.default.attributesOfItem(atPath: workspace.directory.file("secret.key"))
        #expect((keyFile[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let store = try SQLiteStore(path: workspace.archive)
        let stored = try #require(try await store.monitoredTenants(in: .all).first)
        let box = try SecretBox.load(file: workspace.directory.file("secret.key"), environment: [:], create: false)
        #expect(try box.open(stored.credential.sealed, tenant: stored.id, purpose: "secret") == Data(secret.utf8))

        let removed = try run(["tenant", "remove", tenant], in: workspace, extra: ["USER": "bob"])
        #expect(removed.status == 0, "\(removed.standardError)")
        #expect(try run(["tenant", "list"], in: workspace).standardOutput.contains("No tenants yet"))
        let journal = try await store.operatorActions(in: .all, limit: 10)
        #expect(journal.map(\.action) == ["tenant.remove", "tenant.add"])
        #expect(journal.map(\.actor) == ["bob", "alice"])
        #expect(!journal.contains { $0.details.contains(secret) })
    }

    @Test("refuses a credential given twice or not at all, a bad cloud and an unknown tenant, saying why", arguments: [
        (["--client-secret-file", "-", "--certificate", "c.pem", "--private-key", "k.pem"], "either a client secret"),
        ([], "either a client secret"),
        (["--certificate", "c.pem"], "needs both"),
        (["--client-secret-file", "-", "--cloud", "mars"], "--cloud"),
        (["--client-secret-file", "-", "--domain", "alice@contoso.com"], "--domain"),
    ])
    func refusals(extra: [String], message: String) throws {
        let workspace = try Workspace()
        let outcome = try run(["tenant", "add", "--tenant", tenant, "--name", "Contoso", "--client-id", "app"] + extra, in: workspace)
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        let unknown = try run(["tenant", "remove", tenant], in: workspace)
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("not a monitored tenant"))
    }
}
