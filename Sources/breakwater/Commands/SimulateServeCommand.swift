import ArgumentParser
import BreakwaterModel
import Foundation
import M365Simulator

extension SimulateCommand {
    /// `breakwater simulate serve`: simulated tenants behind Microsoft's own APIs, on loopback.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve simulated tenants through Microsoft's APIs on loopback, for Breakwater to collect from.",
            discussion: """
                Each tenant is its own simulated company living a month (see 'simulate export'), \
                served through the Entra token endpoint, the Office 365 Management Activity API \
                and Microsoft Graph (sign-ins, users, inbox rules, MFA registration, session \
                revocation, account changes), all at one base URL printed at start with each \
                tenant's id, domain and app credentials.

                A simulated clock runs --speed times faster than real time from midnight of \
                --start-day: audit records become listable 60 to 90 simulated minutes after they \
                happen (a few hours late), in blobs that expire after 7 days. The fault options \
                make the services misbehave as Microsoft's do; a retried request always gets \
                through in the end.

                Listens on 127.0.0.1 only. Runs until interrupted (Ctrl-C) or terminated.
                """)

        @Option(help: "How many tenants to simulate (Contoso, Fabrikam, Northwind, …).")
        var tenants = 1

        @Option(help: "Multiplies each company's staff and volume (1: about forty people).")
        var scale = 1

        @Option(help: "How many days to simulate.")
        var days = 30

        @Option(help: "The random seed: the same seed gives the same companies, records and credentials.")
        var seed: UInt64 = 2026

        @Option(help: ArgumentHelp("How much faster than real time the simulated clock runs.", valueName: "factor"))
        var speed: SpeedArgument = SpeedArgument(factor: 60)

        @Option(help: "The simulated day the clock starts at, at midnight (0 is the first day; default: 1).")
        var startDay: Int?

        @Option(help: "The port to listen on (0: any free port).")
        var port = 0

        @Flag(help: "Simulate ordinary months, without the breach.")
        var noAttack = false

        @Flag(help: "Give the tenants no Entra ID P1 licence: Graph sign-in logs answer 403.")
        var noEntraP1 = false

        @Option(help: ArgumentHelp("Write what really happened in each tenant (the scenario truth) to this JSON file.", valueName: "file"))
        var labels: String?

        @Option(help: ArgumentHelp("Audit records per content blob, at most.", valueName: "count"))
        var recordsPerBlob = 1000

        @Option(help: ArgumentHelp("Management Activity API requests a tenant may make per simulated minute.", valueName: "count"))
        var requestsPerMinute = 2000

        @Option(help: ArgumentHelp("Percentage of requests refused as throttled (AF429 with HTTP 403 or 429; Graph 429).", valueName: "percent"))
        var throttle: Double = 0

        @Option(help: ArgumentHelp("Percentage of requests failing with a server error (AF50000; Graph 503).", valueName: "percent"))
        var serverErrors: Double = 0

        @Option(help: ArgumentHelp("Percentage of responses cut off mid-body (the connection closes).", valueName: "percent"))
        var truncate: Double = 0

        @Option(help: ArgumentHelp("Percentage of responses delayed by --slow-delay.", valueName: "percent"))
        var slow: Double = 0

        @Option(help: ArgumentHelp("How long a slow response is held back, in real milliseconds.", valueName: "ms"))
        var slowDelay = 2000

        @Option(help: ArgumentHelp("Percentage of blobs already expired when listed (AF20051).", valueName: "percent"))
        var expiredBlobs: Double = 0

        @Option(help: ArgumentHelp("Percentage of blobs listed twice.", valueName: "percent"))
        var duplicateBlobs: Double = 0

        @Option(help: ArgumentHelp("Percentage of records repeated in the next blob.", valueName: "percent"))
        var duplicateRecords: Double = 0

        @Option(help: ArgumentHelp("Access token lifetime, in simulated seconds.", valueName: "seconds"))
        var tokenLifetime = 3599

        func validate() throws {
            guard (1...100).contains(tenants) else { throw ValidationError("--tenants must be between 1 and 100.") }
            guard days > 0, days <= 366 else { throw ValidationError("--days must be between 1 and 366.") }
            guard scale > 0, scale <= 1000 else { throw ValidationError("--scale must be between 1 and 1000.") }
            if let startDay, !(0..<days).contains(startDay) { throw ValidationError("--start-day must be between 0 and \(days - 1).") }
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
            guard recordsPerBlob > 0 else { throw ValidationError("--records-per-blob must be at least 1.") }
            guard requestsPerMinute > 0 else { throw ValidationError("--requests-per-minute must be at least 1.") }
            guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be at least 1 second.") }
            for (name, value) in [
                ("--throttle", throttle), ("--server-errors", serverErrors), ("--truncate", truncate), ("--slow", slow),
                ("--expired-blobs", expiredBlobs), ("--duplicate-blobs", duplicateBlobs), ("--duplicate-records", duplicateRecords),
            ] where !(0...100).contains(value) {
                throw ValidationError("\(name) must be a percentage between 0 and 100.")
            }
        }

        func run() async throws {
            let simulated = (1...tenants).map(tenant)
            let start = simulated[0].scenario.start.adding(milliseconds: Int64(startDay ?? min(1, days - 1)) * 86_400_000)
            let clock = SimulatedClock.scaled(from: start, speed: speed.factor)
            if let labels { try writeLabels(simulated, to: labels) }
            let server = SimulatorServer(SimulatorConfiguration(tenants: simulated, clock: clock, port: port))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.runUntilTerminated() }
                let base = try await server.baseURL()
                printSummary(simulated, base: base, start: start)
                try await group.waitForAll()
            }
        }

        private func tenant(_ number: Int) -> SimulatedTenant {
            var tenant = SimulatedTenant.numbered(number, seed: seed, days: days, scale: scale, includeAttack: !noAttack)
            tenant.hasEntraIDP1 = !noEntraP1
            tenant.requestsPerMinute = requestsPerMinute
            tenant.delivery.recordsPerBlob = recordsPerBlob
            tenant.faults.throttledShare = throttle / 100
            tenant.faults.serverErrorShare = serverErrors / 100
            tenant.faults.truncatedBodyShare = truncate / 100
            tenant.faults.slowShare = slow / 100
            tenant.faults.slowDelay = .milliseconds(slowDelay)
            tenant.faults.expiredBlobShare = expiredBlobs / 100
            tenant.faults.duplicateBlobShare = duplicateBlobs / 100
            tenant.faults.duplicateRecordShare = duplicateRecords / 100
            tenant.faults.tokenLifetime = .seconds(tokenLifetime)
            return tenant
        }

        private func printSummary(_ tenants: [SimulatedTenant], base: String, start: Timestamp) {
            var text = "Simulating \(tenants.count) tenant\(tenants.count == 1 ? "" : "s"): \(days) days from "
            text += "\(tenants[0].scenario.start.iso8601), scale \(scale), seed \(seed)\(noAttack ? ", no breach" : "").\n"
            text += "Simulated clock: \(start.iso8601), running \(speed.text).\n\n"
            text += "Base URL: \(base)\n"
            text += "  token       POST \(base)/{tenant}/oauth2/v2.0/token\n"
            text += "  activity    \(base)/api/v1.0/{tenant}/activity/feed/…\n"
            text += "  graph       \(base)/v1.0/…  and  \(base)/beta/…\n"
            for tenant in tenants {
                text += "\n\(tenant.displayName)\n"
                text += "  tenant        \(tenant.id)\n"
                text += "  domain        \(tenant.domain)\n"
                text += "  client id     \(tenant.application.clientID)\n"
                text += "  client secret \(tenant.application.clientSecret)\n"
            }
            text += "\nPress Ctrl-C to stop.\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }

        private func writeLabels(_ tenants: [SimulatedTenant], to path: String) throws {
            struct Label: Encodable {
                var tenant: String
                var displayName: String
                var domain: String
                var truth: ScenarioTruth
            }
            let labels = tenants.map { tenant in
                Label(tenant: tenant.id.description, displayName: tenant.displayName, domain: tenant.domain, truth: Scenario(tenant.scenario).truth)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try (encoder.encode(["tenants": labels]) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        }
    }
}

/// A clock speed: `60x`, `60` or `1x`.
struct SpeedArgument: ExpressibleByArgument {
    let factor: Double

    init(factor: Double) {
        self.factor = factor
    }

    init?(argument: String) {
        let digits = argument.hasSuffix("x") ? String(argument.dropLast()) : argument
        guard let factor = Double(digits), factor > 0, factor <= 1_000_000 else { return nil }
        self.factor = factor
    }

    var text: String {
        factor == factor.rounded() ? "\(Int(factor))x" : "\(factor)x"
    }

    var defaultValueDescription: String { text }
}
