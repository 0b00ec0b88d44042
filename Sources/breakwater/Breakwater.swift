import ArgumentParser

/// The `breakwater` command line: thin commands over the library targets.
@main
struct Breakwater: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakwater",
        abstract: "Microsoft 365 account-takeover and BEC detection and response, self-hosted.",
        discussion: """
            Breakwater keeps an archive of Microsoft 365 audit records (the unified audit log and \
            Entra sign-ins) and searches it. Start by importing an export from Purview or \
            Search-UnifiedAuditLog:

              breakwater import --tenant <tenant-guid> AuditLog.csv
              breakwater search --user alice@contoso.com --since 7d

            The archive is one SQLite file; --db or BREAKWATER_DB chooses it.
            """,
        subcommands: [ImportCommand.self, SearchCommand.self, QuarantineCommand.self, BenchCommand.self]
    )
}
