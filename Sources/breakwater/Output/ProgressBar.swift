import BreakwaterIngest
import BreakwaterStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on standard error, shown only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = ContinuousClock.now
    private let started = ContinuousClock.now
    private var drawn = false

    /// A bar when standard error is a terminal; `nil` otherwise (pipes and logs stay clean).
    static func forStandardError() -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
    }

    func show(_ report: ImportProgressReport) {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard !drawn || lastDraw.duration(to: now) > .milliseconds(100) else { return }
        lastDraw = now
        drawn = true
        let fraction = report.fileSize > 0 ? min(1, Double(report.bytesRead) / Double(report.fileSize)) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let seconds = max(0.001, Format.seconds(started.duration(to: now)))
        let rate = Double(report.totals.records) / seconds
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let line = "\r[\(bar)] \(Int(fraction * 100))%  \(Format.count(report.totals.records)) records  \(Format.count(Int(rate)))/s "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar so that the next output starts on a clean line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard drawn else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 79) + "\r").utf8))
        drawn = false
    }
}
