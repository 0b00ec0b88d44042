public import Foundation

/// A half-open span of `contentCreated` times, `start <= contentCreated < end`, as the
/// Management Activity API lists content.
///
/// The API takes whole seconds (`YYYY-MM-DDTHH:MM:SS`, UTC), so both ends are cut to the second
/// below; the API allows at most 24 hours, starting no more than 7 days ago
/// (``ContentWindowPlanner`` makes windows that fit).
public struct ContentWindow: Hashable, Sendable, CustomStringConvertible {
    /// The first instant included.
    public let start: Date
    /// The first instant excluded.
    public let end: Date

    /// - Parameters:
    ///   - start: the first instant included, cut to the second below.
    ///   - end: the first instant excluded, cut to the second below.
    public init(start: Date, end: Date) {
        self.start = Self.wholeSecond(start)
        self.end = Self.wholeSecond(end)
    }

    /// The window's length.
    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// `startTime` as the API reads it.
    var startParameter: String { Self.parameter(start) }
    /// `endTime` as the API reads it.
    var endParameter: String { Self.parameter(end) }

    public var description: String { "[\(startParameter)Z, \(endParameter)Z)" }

    static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// `YYYY-MM-DDTHH:MM:SS` in UTC, the documented form.
    private static func parameter(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        let year = String(parts.year ?? 1970)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(parts.month))-\(two(parts.day))"
            + "T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}
