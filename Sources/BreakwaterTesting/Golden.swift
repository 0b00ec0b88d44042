import Foundation
import Testing

/// Compares text a person reads (command output, reports) with a reviewed copy kept in
/// `Golden/<name>` next to the test.
///
/// A missing golden file is written and the test fails, so that a new golden file is always
/// looked at; `RECORD_GOLDEN=1` rewrites every golden file the run touches. Review golden
/// diffs like code.
public enum Golden {
    public static func check(
        _ actual: String, named name: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        let sourceLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
                return
            }
            if !record {
                Issue.record("golden file \(name) was missing and has been recorded; review it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
            let wanted = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
            Issue.record(
                "output differs from golden file \(name) at line \(line + 1):\n  expected: \(wanted)\n  actual:   \(got)\n(RECORD_GOLDEN=1 re-records)",
                sourceLocation: sourceLocation)
        }
    }
}
