/// The most requests one tenant may send to Microsoft in a period.
///
/// The limiter spends ``burst`` requests at once and refills at `(requests − burst) / period`,
/// so that no interval of length ``period`` ever holds more than ``requests`` requests.
/// The Management Activity API allows about 2,000 requests a minute per tenant (more for large
/// and E5 tenants); the default stays under that with room for Graph calls and other tools.
public struct RequestRateLimit: Sendable, Hashable {
    /// Requests allowed in any interval of length ``period``.
    public var requests: Int
    /// The length of the interval.
    public var period: Duration
    /// Requests that may go at once after a quiet spell; at most half of ``requests``.
    public var burst: Int

    /// - Parameters: see the properties; `requests` is at least 1 and `burst` is kept between 1
    ///   and half of `requests`.
    public init(requests: Int, per period: Duration, burst: Int) {
        self.requests = max(1, requests)
        self.period = period
        self.burst = min(max(1, burst), max(1, self.requests / 2))
    }

    /// `requests` a minute, with a burst of a fiftieth of that (at least 1).
    public static func perMinute(_ requests: Int) -> RequestRateLimit {
        RequestRateLimit(requests: requests, per: .seconds(60), burst: max(1, requests / 50))
    }

    /// 1,800 requests a minute per tenant.
    public static let `default` = perMinute(1800)

    /// Tokens regained per second.
    var refillPerSecond: Double {
        Double(max(requests - burst, 1)) / max(period.seconds, .leastNonzeroMagnitude)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
