/// How often and how patiently a failed request is tried again.
///
/// A request is retried after a transport failure (connection refused or cut, a body shorter
/// than announced), HTTP 408, 429 and 5xx, and the throttling and internal-error codes of the
/// Management Activity API. The delay before attempt *n + 1* is
/// `min(maximumDelay, initialDelay × 2ⁿ⁻¹)`, shortened by up to `jitter` of itself at random so
/// that many tenants' collectors do not retry in step. A `Retry-After` header replaces the
/// computed delay; one longer than ``maximumRetryAfter`` is not waited for in place: the error
/// is returned with its `retryAfter`, for the caller to schedule.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; at least 1.
    public var maximumAttempts: Int
    /// The delay after the first failure.
    public var initialDelay: Duration
    /// The longest computed delay.
    public var maximumDelay: Duration
    /// The fraction (0…1) of each computed delay that is randomised away.
    public var jitter: Double
    /// The longest `Retry-After` honoured by waiting in place.
    public var maximumRetryAfter: Duration

    /// - Parameters: see the properties.
    public init(
        maximumAttempts: Int = 5, initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(60), jitter: Double = 0.5,
        maximumRetryAfter: Duration = .seconds(300)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitter = min(max(jitter, 0), 1)
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// Five attempts, 1 s doubling to at most 60 s, half of each delay randomised.
    public static let `default` = RetryPolicy()

    /// The delay after the `failures`-th consecutive failure (1 for the first).
    ///
    /// - Parameter random: a number in `0..<1`; the delay is shortened by `jitter × random` of itself.
    public func backoff(afterFailure failures: Int, random: Double) -> Duration {
        let exponent = min(max(failures - 1, 0), 62)
        var delay = initialDelay
        for _ in 0..<exponent where delay < maximumDelay {
            delay *= 2
        }
        delay = min(delay, maximumDelay)
        return delay * (1 - jitter * min(max(random, 0), 1))
    }
}
