import ArgumentParser
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Foundation

/// `breakwater search`: the local `Search-UnifiedAuditLog`.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive, newest first.",
        discussion: """
            Filters combine (all must match). Times are UTC: ISO-8601 (2026-11-01, \
            2026-11-01T08:00:00Z) or an age (30m, 12h, 7d). Operation and workload names match \
            without case; a trailing period may be left off ("add member to role").

            Formats: table (for people), json (an array of events, each with its original \
            record), jsonl (the original records, one per line), csv (spreadsheet-safe: cells \
            that would run as formulas are neutralised; re-importable with `breakwater import`).
            """)

    @OptionGroup var archive: ArchiveOptions

    @Option(help: ArgumentHelp("Only this tenant (directory GUID).", valueName: "guid"))
    var tenant: TenantID?

    @Option(help: ArgumentHelp("Only actions by this user (UPN, any case).", valueName: "upn"))
    var user: String?

    @Option(help: ArgumentHelp("Only actions from this address or CIDR range.", valueName: "ip|cidr"))
    var ip: String?

    @Option(help: ArgumentHelp("Only this operation (e.g. New-InboxRule, UserLoggedIn).", valueName: "op"))
    var operation: String?

    @Option(help: ArgumentHelp("Only this workload (Exchange, SharePoint, AzureActiveDirectory, …).", valueName: "w"))
    var workload: String?

    @Option(help: ArgumentHelp("Only actions at or after this time.", valueName: "time"))
    var since: TimeArgument?

    @Option(help: ArgumentHelp("Only actions before this time.", valueName: "time"))
    var until: TimeArgument?

    @Option(help: "At most this many results (0: no limit).")
    var limit = 100

    @Option(help: "Output format: table, json, jsonl or csv.")
    var format: SearchFormat = .table

    func validate() throws {
        if let ip, IPNetwork(ip) == nil {
            throw ValidationError("--ip '\(ip)' is not an IP address or CIDR range (e.g. 203.0.113.7 or 203.0.113.0/24).")
        }
        if limit < 0 { throw ValidationError("--limit must be 0 (no limit) or more.") }
    }

    func run() async throws {
        let store = try archive.openExisting()
        let query = EventQuery(
            scope: tenant.map { .only([$0]) } ?? .all, actor: user, network: ip.flatMap(IPNetwork.init), operation: operation,
            workload: workload, since: since?.timestamp, until: until?.timestamp)
        var writer = SearchOutput(format: format)
        var cursor: EventCursor?
        var remaining = limit == 0 ? Int.max : limit
        repeat {
            let page = try await store.events(matching: query, after: cursor, limit: min(remaining, 1000))
            for event in page.events { writer.write(event) }
            remaining -= page.events.count
            cursor = page.next
        } while cursor != nil && remaining > 0
        writer.finish()
    }
}

/// The formats `breakwater search` prints.
enum SearchFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv
}
