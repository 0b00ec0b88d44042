import ArgumentParser
import Foundation

/// `breakwater tenant`: the customer tenants Breakwater collects from.
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant",
        abstract: "Add, list and remove the Microsoft 365 tenants to collect from.",
        discussion: """
            Each tenant is read through an app registration consented in it (application \
            permissions ActivityFeed.Read on the Office 365 Management APIs, and on Microsoft \
            Graph AuditLog.Read.All, Directory.Read.All, MailboxSettings.Read, plus \
            User.RevokeSessions.All and User.ReadWrite.All for response). Its secret or \
            certificate key is stored sealed (AES-256-GCM) with a key kept outside the archive.
            """,
        subcommands: [TenantAddCommand.self, TenantListCommand.self, TenantTestCommand.self, TenantRemoveCommand.self])
}

/// Who is running the command, for the operator journal.
func currentOperator() -> String {
    let environment = ProcessInfo.processInfo.environment
    return environment["SUDO_USER"] ?? environment["USER"] ?? NSUserName()
}
