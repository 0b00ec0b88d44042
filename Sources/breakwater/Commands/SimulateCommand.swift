import ArgumentParser
import BreakwaterModel
import Foundation
import M365Simulator

/// `breakwater simulate`: the simulated Microsoft 365 tenant, for demos, tabletop exercises
/// and benchmarks.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate Microsoft 365 tenants: a month of realistic activity with a breach inside it.",
        subcommands: [Serve.self, Export.self],
        defaultSubcommand: Serve.self)

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a simulated month of a company's audit and sign-in logs as exports.",
            discussion: """
                Simulates a company of about forty people (Contoso, Leeds) for a month: office and \
                home sign-ins, phones, travellers abroad, staff behind a Zscaler edge, newsletter \
                rules, a nightly backup job at a hosting provider, sharing with clients, Teams — \
                and, unless --no-attack, the business email compromise of a payroll clerk: a \
                phishing-proxy sign-in, a replayed session token, an inbox rule hiding replies in \
                "RSS Feeds", a payroll bank-detail change, a burst of downloads, an anonymous link \
                and Teams joins.

                Writes audit.jsonl (unified audit log records), signins.jsonl (Graph sign-ins), \
                audit-purview.csv (the same records as a Purview export) and truth.json (what \
                happened, for checking a detector). The same seed always gives the same files.
                """)

        @Argument(help: ArgumentHelp("The directory to write into (created if needed).", valueName: "directory"))
        var directory: String

        @Option(help: "The random seed.")
        var seed: UInt64 = 2026

        @Option(help: "How many days to simulate.")
        var days = 30

        @Option(help: "Multiplies the staff and the volume (1: about forty people, 96,000 records a month).")
        var scale = 1

        @Flag(help: "Simulate an ordinary month, without the breach.")
        var noAttack = false

        func validate() throws {
            guard days > 0, days <= 366 else { throw ValidationError("--days must be between 1 and 366.") }
            guard scale > 0, scale <= 1000 else { throw ValidationError("--scale must be between 1 and 1000.") }
        }

        func run() throws {
            let scenario = Scenario(ScenarioConfiguration(seed: seed, days: days, includeAttack: !noAttack, scale: scale))
            try ScenarioWriter.write(scenario, to: directory)
            print("Wrote \(days) days of \(scenario.truth.domain) to \(directory): audit.jsonl, signins.jsonl, audit-purview.csv, truth.json")
        }
    }
}
