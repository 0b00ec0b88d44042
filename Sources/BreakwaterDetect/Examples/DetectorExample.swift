public import BreakwaterModel

/// A detector's example: events in order and what the detector must make of them.
///
/// Every detector ships with positive examples (what it must raise, and how severely) and
/// negative ones (look-alikes it must leave alone). One parameterised test runs them all,
/// and `breakwater detectors test` runs the same list.
public struct DetectorExample: Sendable {
    /// What must happen.
    public enum Expectation: Sendable, Hashable {
        /// At least one alert from the detector, the most severe at this severity.
        case raises(Severity)
        /// No alert from the detector.
        case silent
    }

    public var name: String
    public var expectation: Expectation
    public var events: [Event]
    /// The tenant's configuration for the example.
    public var configuration: TenantConfiguration
    /// Where the example is written, so that a failure points at it.
    public var fileID: String
    public var line: Int

    /// - Parameters:
    ///   - name: what the example shows, in words.
    ///   - expectation: what the detector must make of it.
    ///   - configuration: the tenant's configuration (by default, Contoso's domain and nothing else).
    ///   - build: records the example's events on a timeline.
    public init(
        _ name: String, _ expectation: Expectation, configuration: TenantConfiguration = DetectorExample.contoso, fileID: String = #fileID,
        line: Int = #line, build: (inout ExampleTimeline) -> Void
    ) {
        var timeline = ExampleTimeline()
        build(&timeline)
        self.name = name
        self.expectation = expectation
        self.events = timeline.events
        self.configuration = configuration
        self.fileID = fileID
        self.line = line
    }

    /// The example tenant's configuration: its domain, defaults otherwise.
    public static let contoso = TenantConfiguration(domains: ["contoso.com"])
}
