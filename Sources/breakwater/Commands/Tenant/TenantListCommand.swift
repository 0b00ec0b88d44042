import ArgumentParser
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation

/// `breakwater tenant list`: the monitored tenants and how far each stream has been read.
struct TenantListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the tenants collected from, with each feed's progress, lag and gaps.")

    @OptionGroup var archive: ArchiveOptions

    func run() async throws {
        let store = try archive.open()
        let tenants = try await store.monitoredTenants(in: .all)
        guard !tenants.isEmpty else {
            print("No tenants yet: add one with 'breakwater tenant add'.")
            return
        }
        let now = Timestamp(Date())
        for tenant in tenants {
            let scope = TenantScope.only([tenant.id])
            print("\(TerminalText.sanitized(tenant.displayName))  \(tenant.id)")
            print("  domains: \(tenant.domains.isEmpty ? "(none given)" : tenant.domains.joined(separator: ", "))")
            print("  app \(TerminalText.sanitized(tenant.clientID)) by \(tenant.credential.kind.rawValue), cloud \(TerminalText.sanitized(tenant.cloud)), publisher \(tenant.publisherID)")
            let checkpoints = try await store.checkpoints(in: scope)
            if checkpoints.isEmpty { print("  not collected yet") }
            for (_, stream, checkpoint) in checkpoints {
                let lag = checkpoint.newestContent.map { Format.duration(milliseconds: now.millisecondsSince1970 - $0.millisecondsSince1970) } ?? "-"
                print("  \(stream.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0)) read until \(checkpoint.readUntil)  lag \(lag)")
            }
            let gaps = try await store.gaps(in: scope)
            for gap in gaps.prefix(5) {
                print("  gap: \(gap.stream) \(gap.start) to \(gap.end): \(TerminalText.sanitized(gap.reason))")
            }
            if gaps.count > 5 { print("  … and \(gaps.count - 5) more gaps") }
        }
    }
}
