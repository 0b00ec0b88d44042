public import Foundation

/// An instant in UTC with millisecond precision: when an audited activity happened.
///
/// Kept as an integer so that ordering, windows and storage keys are exact and cheap.
/// Microsoft writes these times in several ways (`2015-06-29T20:03:19` without a zone in the
/// audit feed, `2021-06-30T16:34:32Z` or seven fractional digits in Graph); all of them parse
/// with ``init(iso8601:)``.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    public init(_ date: Date) {
        millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The instant as a Foundation date.
    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000) }

    /// The instant `milliseconds` later (earlier when negative).
    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 + milliseconds)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// ISO-8601 in UTC with a `Z`: `2015-06-29T20:03:19Z`, with milliseconds only when they
    /// are not zero.
    public var description: String { iso8601 }
}
