import ArgumentParser
import Foundation
import BreakwaterDetect
import BreakwaterModel

/// `breakwater detectors`: what the built-in detectors are, and proof that they work.
struct DetectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detectors",
        abstract: "List, explain and test the built-in detectors.",
        subcommands: [List.self, Show.self, Test.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every detector: id, category, default severity, title.")

        func run() {
            let detectors = BuiltInDetectors.all.map(\.descriptor)
            let width = detectors.map(\.id.rawValue.count).max() ?? 0
            let categoryWidth = detectors.map(\.category.rawValue.count).max() ?? 0
            for descriptor in detectors {
                print(
                    "\(descriptor.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  "
                        + "\(descriptor.category.rawValue.padding(toLength: categoryWidth, withPad: " ", startingAt: 0))  "
                        + "\(descriptor.severity.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(descriptor.title)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain one detector: what it looks for, its thresholds, false positives, what to do.")

        @Argument(help: ArgumentHelp("A detector id (see `breakwater detectors list`).", valueName: "id"))
        var id: String

        func run() throws {
            guard let detector = BuiltInDetectors.all.first(where: { $0.descriptor.id.rawValue.caseInsensitiveEquals(id) }) else {
                throw ValidationError("No detector is called '\(id)'; `breakwater detectors list` shows them all.")
            }
            let descriptor = detector.descriptor
            print("\(descriptor.id): \(descriptor.title)")
            print("category: \(descriptor.category)   default severity: \(descriptor.severity)   stage: \(descriptor.stage)")
            print("ATT&CK: \(descriptor.attack.map { "\($0) \($0.name)" }.joined(separator: "; "))")
            print("reads: \(detector.kinds.map(\.name).sorted().joined(separator: ", "))")
            print("\n\(descriptor.explanation)\n\nFalse positives: \(descriptor.falsePositives)\n\nWhat to do: \(descriptor.runbook)")
            if !descriptor.thresholds.isEmpty {
                print("\nThresholds (tenant configuration: detectors.\(descriptor.id).thresholds):")
                for threshold in descriptor.thresholds {
                    print("  \(threshold.name) = \(Self.number(threshold.defaultValue)): \(threshold.meaning)")
                }
            }
            print("\nExamples:")
            for example in detector.examples {
                let expected = if case .raises(let severity) = example.expectation { "raises \(severity)" } else { "silent" }
                print("  [\(expected)] \(example.name)")
            }
        }

        private static func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every detector's own positive and negative examples.",
            discussion: "Exit status: 0 when every example comes out as its detector says, 1 otherwise.")

        @Flag(help: "Print every example, not only failures.")
        var verbose = false

        func run() throws {
            let outcomes = ExampleRunner.runAll()
            for outcome in outcomes where verbose || !outcome.passed {
                let mark = outcome.passed ? "pass" : "FAIL"
                print("\(mark)  \(outcome.detector): \(outcome.example.name)\(outcome.failure.map { " — \($0)" } ?? "")")
            }
            let failed = outcomes.filter { !$0.passed }.count
            print("\(outcomes.count - failed) of \(outcomes.count) examples passed across \(BuiltInDetectors.all.count) detectors")
            if failed > 0 { throw ExitCode.failure }
        }
    }
}
