import ArgumentParser
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation

/// `breakwater tenant remove`: stops collecting from a tenant.
struct TenantRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Stop collecting from a tenant and forget its credential (its archived records stay).")

    @Argument(help: "The tenant's directory id.")
    var tenant: TenantID

    @OptionGroup var archive: ArchiveOptions

    func run() async throws {
        let store = try archive.open()
        guard let known = try await store.monitoredTenants(in: .only([tenant])).first else {
            throw ValidationError("\(tenant) is not a monitored tenant ('breakwater tenant list' shows them)")
        }
        try await store.removeTenant(tenant)
        try await store.record(
            OperatorAction(tenant: tenant, at: Timestamp(Date()), actor: currentOperator(), action: "tenant.remove", details: known.displayName))
        print("Removed \(TerminalText.sanitized(known.displayName)) (\(tenant)); its archived records are kept.")
    }
}
