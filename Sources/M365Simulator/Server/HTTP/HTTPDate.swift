import BreakwaterModel
import Foundation

/// HTTP's date format (RFC 9110 IMF-fixdate): `Mon, 23 Nov 2026 17:20:00 GMT`.
enum HTTPDate {
    /// The header that carries the simulated time of a response (as `Date` carries a real
    /// service's time).
    static let simulatedDateHeader = "X-Simulated-Date"

    static func format(_ time: Timestamp) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: time.date)
    }
}
