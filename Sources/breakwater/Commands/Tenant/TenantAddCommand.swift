import ArgumentParser
import BreakwaterGraph
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation

/// `breakwater tenant add`: registers a tenant and its app credential.
struct TenantAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a tenant to collect from (or replace what is known of it).",
        discussion: """
            The client secret is read from a file (or - for standard input) or from \
            $BREAKWATER_CLIENT_SECRET, never from the command line, where other users could \
            see it. A certificate credential takes the certificate and its private key (PEM).

              breakwater tenant add --tenant 9f1c7b2e-… --name Contoso --domain contoso.com \\
                  --client-id 1b7e… --client-secret-file secret.txt --publisher <your tenant id>
            """)

    @Option(help: "The tenant's directory id (GUID).")
    var tenant: TenantID

    @Option(help: "A name for people.")
    var name: String

    @Option(name: .customLong("domain"), help: "One of the tenant's own mail domains (repeat for each).")
    var domains: [String] = []

    @Option(name: .customLong("client-id"), help: "The application (client) id of the app registration.")
    var clientID: String

    @Option(name: .customLong("client-secret-file"), help: ArgumentHelp("A file holding the client secret; - reads standard input.", valueName: "path"))
    var secretFile: String?

    @Option(name: .customLong("certificate"), help: ArgumentHelp("The app's certificate (PEM), for a certificate credential.", valueName: "path"))
    var certificateFile: String?

    @Option(name: .customLong("private-key"), help: ArgumentHelp("The certificate's private key (PEM).", valueName: "path"))
    var privateKeyFile: String?

    @Option(help: ArgumentHelp("commercial, gcc, gcc-high, dod, or the base URL of a simulator (http://127.0.0.1:PORT).", valueName: "cloud"))
    var cloud = "commercial"

    @Option(help: ArgumentHelp(
        "Your own (the operator's) tenant id, sent as PublisherIdentifier so that calls count against your quota (default: the tenant itself).",
        valueName: "guid"))
    var publisher: TenantID?

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var key: SecretKeyOptions

    func validate() throws {
        guard CloudEndpoints.named(cloud) != nil || URL(string: cloud).map({ ["http", "https"].contains($0.scheme ?? "") }) == true else {
            throw ValidationError("--cloud must be commercial, gcc, gcc-high, dod or an http(s) URL, not '\(cloud)'")
        }
        let certificate = certificateFile != nil || privateKeyFile != nil
        let secret = secretFile != nil || ProcessInfo.processInfo.environment["BREAKWATER_CLIENT_SECRET"] != nil
        if certificate, certificateFile == nil || privateKeyFile == nil {
            throw ValidationError("a certificate credential needs both --certificate and --private-key")
        }
        if certificate == secret {
            throw ValidationError("give either a client secret (--client-secret-file or $BREAKWATER_CLIENT_SECRET) or a certificate (--certificate and --private-key)")
        }
        if domains.contains(where: { !$0.contains(".") || $0.contains("@") || $0.contains(" ") }) {
            throw ValidationError("--domain takes a mail domain such as contoso.com")
        }
    }

    func run() async throws {
        let box = try key.box(create: true)
        let credential: SealedCredential
        if let certificateFile, let privateKeyFile {
            let certificate = try read(certificateFile, what: "certificate")
            let privateKey = try read(privateKeyFile, what: "private key")
            credential = SealedCredential(
                kind: .certificate, sealed: try box.seal(privateKey, tenant: tenant, purpose: SealedCredential.Kind.certificate.rawValue),
                certificate: certificate)
        } else {
            let text = try secretFile.map { try read($0, what: "client secret") } ?? Data((ProcessInfo.processInfo.environment["BREAKWATER_CLIENT_SECRET"] ?? "").utf8)
            let secret = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw ValidationError("the client secret is empty") }
            credential = SealedCredential(kind: .secret, sealed: try box.seal(Data(secret.utf8), tenant: tenant, purpose: SealedCredential.Kind.secret.rawValue))
        }
        let store = try archive.open()
        let now = Timestamp(Date())
        let known = try await store.monitoredTenants(in: .only([tenant])).first
        try await store.saveTenant(
            MonitoredTenant(
                id: tenant, displayName: name, domains: domains.map { $0.lowercased() }, clientID: clientID, cloud: cloud,
                publisherID: publisher ?? tenant, credential: credential, addedAt: known?.addedAt ?? now))
        try await store.record(
            OperatorAction(
                tenant: tenant, at: now, actor: currentOperator(), action: known == nil ? "tenant.add" : "tenant.update",
                details: "\(name): client \(clientID), \(credential.kind.rawValue), cloud \(cloud)"))
        print("\(known == nil ? "Added" : "Updated") \(name) (\(tenant)), reading with app \(clientID) by \(credential.kind.rawValue).")
    }

    private func read(_ path: String, what: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read the \(what) file \(path)") }
        return data
    }
}
