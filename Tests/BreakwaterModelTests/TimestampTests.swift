import Foundation
import Testing

@testable import BreakwaterModel

@Suite("Timestamps")
struct TimestampTests {
    @Test("reads the time formats Microsoft writes", arguments: [
        ("2015-06-29T20:03:19", "2015-06-29T20:03:19Z"),  // the audit feed: no zone means UTC
        ("2021-06-30T16:34:32Z", "2021-06-30T16:34:32Z"),
        ("2020-03-13T19:15:41.6195833Z", "2020-03-13T19:15:41.619Z"),  // Graph: seven digits
        ("2026-11-20T10:11:12.3Z", "2026-11-20T10:11:12.300Z"),
        ("2026-11-20T12:00:00+02:00", "2026-11-20T10:00:00Z"),
        ("2026-11-20T00:30:00-0130", "2026-11-20T02:00:00Z"),
        ("2026-11-20", "2026-11-20T00:00:00Z"),
        ("2026-11-20T08:15", "2026-11-20T08:15:00Z"),
        ("2026-11-20 08:15:01", "2026-11-20T08:15:01Z"),
        ("2024-02-29T23:59:59", "2024-02-29T23:59:59Z"),
        ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
    ])
    func parsesAndFormats(_ text: String, expected: String) throws {
        let timestamp = try #require(Timestamp(iso8601: text))
        #expect(timestamp.iso8601 == expected)
        #expect(Timestamp(iso8601: timestamp.iso8601) == timestamp)
    }

    @Test("agrees with Foundation on the instant")
    func matchesFoundation() throws {
        let formatter = ISO8601DateFormatter()
        for text in ["2015-06-29T20:03:19Z", "2000-01-01T00:00:00Z", "2038-01-19T03:14:08Z", "2100-03-01T12:00:00Z"] {
            let timestamp = try #require(Timestamp(iso8601: text))
            #expect(timestamp.date == formatter.date(from: text))
        }
    }

    @Test("rejects what is not a date-time", arguments: [
        "", "yesterday", "2023-02-29T00:00:00", "2026-13-01", "2026-11-20T24:00:00", "2026-11-20T10:11:12Zjunk", "3/22/2023 7:00:59 PM",
        "2026-11-20T10:11:12.", "2026-11-31",
    ])
    func rejects(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }
}
