import ArgumentParser

/// The `breakwater` command line: thin commands over the library targets.
@main
struct Breakwater: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakwater",
        abstract: "Microsoft 365 account-takeover and BEC detection and response, self-hosted.",
        discussion: """
            Breakwater reads Microsoft 365 audit records (the unified audit log and Entra \
            sign-ins), finds account takeover in them, and keeps an archive you can search. \
            Investigate an export from Purview or Search-UnifiedAuditLog straight away, or \
            import it first:

              breakwater investigate --report report.html AuditLog.csv SignIns.json
              breakwater import --tenant <tenant-guid> AuditLog.csv
              breakwater search --user alice@contoso.com --since 7d

            The archive is one SQLite file; --db or BREAKWATER_DB chooses it.
            """,
        subcommands: [
            InvestigateCommand.self, ImportCommand.self, SearchCommand.self, QuarantineCommand.self, DetectorsCommand.self, SimulateCommand.self,
            TenantCommand.self, ServeCommand.self, BenchCommand.self,
        ]
    )
}
