public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1

/// The time by the Microsoft service's own clock, read from the `Date` header of its
/// responses (from the simulator, `X-Simulated-Date`): windows are planned in the service's time, so a skewed local clock (or a
/// simulator running faster than real time) neither asks for content that does not exist yet
/// nor misses content that does.
///
/// As mature collectors do, a difference of up to five minutes is ignored and the local clock
/// is used; a larger one is followed.
public actor ServiceClock {
    private let http: HTTPClient
    private let probe: URL
    private var offset: TimeInterval = 0
    /// Differences up to this are taken for ordinary drift.
    public static let tolerance: TimeInterval = 5 * 60

    /// - Parameter probe: a URL of the service (any response carries its `Date`).
    public init(http: HTTPClient, probe: URL) {
        self.http = http
        self.probe = probe
    }

    /// The service's time now. Asks the service when it can; when it cannot be reached, the
    /// last known difference is kept.
    public func now() async -> Date {
        let sent = Date()
        if let served = try? await serviceDate() {
            let received = Date()
            let local = sent.addingTimeInterval(received.timeIntervalSince(sent) / 2)
            let skew = served.timeIntervalSince(local)
            offset = abs(skew) > Self.tolerance ? skew : 0
        }
        return Date().addingTimeInterval(offset)
    }

    private func serviceDate() async throws -> Date? {
        var request = HTTPClientRequest(url: probe.absoluteString)
        request.method = .GET
        let response = try await http.execute(request, timeout: .seconds(3))
        _ = try? await response.body.collect(upTo: 64 << 10)
        // The simulator states its simulated time apart from Date, which its HTTP server fixes
        // to the host's clock.
        let stated = response.headers.first(name: "x-simulated-date") ?? response.headers.first(name: "date")
        return stated.flatMap(Self.parse)
    }

    /// Reads an IMF-fixdate (`Mon, 23 Nov 2026 17:20:00 GMT`).
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
