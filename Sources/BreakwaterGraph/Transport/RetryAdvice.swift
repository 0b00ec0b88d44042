/// What the retry loop should do after a failed attempt.
enum RetryAdvice: Sendable, Equatable {
    /// Give up and return the error.
    case stop
    /// Try again, after the server's `Retry-After` if it gave one, else after the back-off.
    case retry(after: Duration?)
    /// The access token was refused: drop it, fetch a new one and try again at once (once).
    case renewTokenAndRetry
}

/// An error that knows whether the request that failed is worth repeating.
protocol RetryAdvising: Error {
    var retryAdvice: RetryAdvice { get }
}

extension TransportError: RetryAdvising {
    var retryAdvice: RetryAdvice { isRetryable ? .retry(after: nil) : .stop }
}
