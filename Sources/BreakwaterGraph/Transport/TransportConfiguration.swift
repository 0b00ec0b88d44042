/// Limits and patience of the Microsoft clients.
public struct TransportConfiguration: Sendable, Hashable {
    /// How failed requests are retried.
    public var retry: RetryPolicy
    /// How long to wait for a response's head (connect, send, first byte).
    public var requestTimeout: Duration
    /// The largest JSON response read into memory (a content list or a Graph page).
    public var maximumResponseBytes: Int
    /// The largest content blob written to disk.
    public var maximumContentBytes: Int

    /// - Parameters: see the properties.
    public init(
        retry: RetryPolicy = .default, requestTimeout: Duration = .seconds(60), maximumResponseBytes: Int = 64 << 20,
        maximumContentBytes: Int = 1 << 30
    ) {
        self.retry = retry
        self.requestTimeout = requestTimeout
        self.maximumResponseBytes = maximumResponseBytes
        self.maximumContentBytes = maximumContentBytes
    }

    /// Default retries, a 60 s response timeout, 64 MiB responses and 1 GiB blobs.
    public static let `default` = TransportConfiguration()
}
