import BreakwaterDetect
import BreakwaterModel
import Testing

/// Every built-in detector's own examples, positive and negative, through a real engine.
@Suite("Detector examples")
struct DetectorExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var detector: any Detector
        var example: DetectorExample
        var testDescription: String { "\(detector.descriptor.id): \(example.name)" }
    }

    static let cases = BuiltInDetectors.all.flatMap { detector in detector.examples.map { Case(detector: detector, example: $0) } }

    @Test("each example comes out as its detector says", arguments: cases)
    func example(_ testCase: Case) {
        let outcome = ExampleRunner.run(testCase.example, of: testCase.detector)
        if let failure = outcome.failure {
            let example = testCase.example
            Issue.record(
                Comment(rawValue: failure),
                sourceLocation: SourceLocation(fileID: example.fileID, filePath: example.fileID, line: example.line, column: 1))
        }
    }

    @Test("every detector has a positive and a negative example")
    func coverage() {
        for detector in BuiltInDetectors.all {
            let expectations = detector.examples.map(\.expectation)
            #expect(expectations.contains(.silent), "\(detector.descriptor.id) has no negative example")
            #expect(expectations.contains { $0 != .silent }, "\(detector.descriptor.id) has no positive example")
        }
    }

    @Test("detector ids are unique and named Workload.Subject.Behaviour")
    func identifiers() {
        let ids = BuiltInDetectors.all.map(\.descriptor.id.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.split(separator: ".").count == 3, "\(id)")
        }
    }
}
