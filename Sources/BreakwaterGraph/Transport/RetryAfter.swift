import Foundation
import NIOHTTP1

/// Reading the `Retry-After` header.
enum RetryAfter {
    /// The delay a `Retry-After` header asks for: decimal seconds (`10`, `2.128`) or an HTTP
    /// date; `nil` when absent or unreadable.
    static func delay(in headers: HTTPHeaders, now: Date) -> Duration? {
        guard let text = headers.first(name: "retry-after")?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 {
            return .nanoseconds(Int64((seconds * 1e9).rounded()))
        }
        if let date = httpDate(text) {
            return .nanoseconds(Int64(max(0, date.timeIntervalSince(now)) * 1e9))
        }
        return nil
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
