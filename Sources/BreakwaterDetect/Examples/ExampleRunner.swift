public import BreakwaterModel

/// Runs detector examples through a real engine with every built-in detector on, and says
/// whether each came out as expected.
public enum ExampleRunner {
    /// The outcome of one example.
    public struct Outcome: Sendable {
        public var detector: DetectorID
        public var example: DetectorExample
        /// The detector's alerts.
        public var alerts: [Alert]
        /// `nil` when the example passed; otherwise what went wrong.
        public var failure: String?

        public var passed: Bool { failure == nil }
    }

    /// Runs `example` and checks `detector`'s alerts against it.
    ///
    /// The other built-in detectors run too (a send is suspicious only after another detector
    /// has raised suspicion), but only `detector`'s alerts are judged.
    public static func run(_ example: DetectorExample, of detector: any Detector) -> Outcome {
        var detectors = BuiltInDetectors.all.filter { $0.descriptor.id != detector.descriptor.id }
        detectors.append(detector)
        var engine = DetectionEngine(
            configuration: DetectionConfiguration(defaults: example.configuration), detectors: detectors, state: DetectionState(lateness: .zero))
        let alerts = (engine.process(example.events) + engine.flush()).filter { $0.detector == detector.descriptor.id }
        let failure: String?
        switch example.expectation {
        case .silent:
            failure = alerts.isEmpty ? nil : "expected no alert, got \(alerts.count): \(alerts.map(\.summary).joined(separator: " | "))"
        case .raises(let severity):
            if let highest = alerts.map(\.severity).max() {
                failure = highest == severity ? nil : "expected \(severity), got \(highest): \(alerts.map(\.summary).joined(separator: " | "))"
            } else {
                failure = "expected a \(severity) alert, got none"
            }
        }
        return Outcome(detector: detector.descriptor.id, example: example, alerts: alerts, failure: failure)
    }

    /// Runs every example of every detector in `detectors`.
    public static func runAll(_ detectors: [any Detector] = BuiltInDetectors.all) -> [Outcome] {
        detectors.flatMap { detector in detector.examples.map { run($0, of: detector) } }
    }
}
