/// How tokens are asked for and kept.
public struct TokenProviderConfiguration: Sendable, Hashable {
    /// A cached token is replaced once it has less than this left.
    public var refreshMargin: Duration
    /// How long a signed client assertion is valid (Microsoft advises 5 to 10 minutes).
    public var assertionLifetime: Duration
    /// How long to wait for the token endpoint.
    public var requestTimeout: Duration

    /// - Parameters: see the properties; the assertion lifetime is kept between 5 and 10 minutes.
    public init(refreshMargin: Duration = .seconds(300), assertionLifetime: Duration = .seconds(600), requestTimeout: Duration = .seconds(30)) {
        self.refreshMargin = refreshMargin
        self.assertionLifetime = min(max(assertionLifetime, .seconds(300)), .seconds(600))
        self.requestTimeout = requestTimeout
    }

    /// Refresh 5 minutes ahead, 10-minute assertions, 30 s timeout.
    public static let `default` = TokenProviderConfiguration()
}
