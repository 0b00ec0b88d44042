/// A request to Microsoft that failed below the level of the API: the connection, the body, or
/// a URL the clients refuse to send credentials to.
///
/// ``isRetryable`` errors have already been retried by the clients as their ``RetryPolicy``
/// allows; the caller may try the same step again later.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The connection could not be made, or failed before a response arrived.
        public static let connectionFailed = Code("connectionFailed")
        /// The connection ended before the whole body arrived, or the body is visibly incomplete.
        public static let truncatedBody = Code("truncatedBody")
        /// The response was not the JSON the API documents.
        public static let malformedResponse = Code("malformedResponse")
        /// The response was larger than the configured maximum.
        public static let responseTooLarge = Code("responseTooLarge")
        /// A URL (usually a next-page link or a content URI) points away from the configured
        /// host, or uses plain HTTP to a host that is not loopback; credentials are never sent there.
        public static let untrustedURL = Code("untrustedURL")
        /// A file for downloaded content could not be written.
        public static let fileWriteFailed = Code("fileWriteFailed")
    }

    /// What went wrong.
    public var code: Code
    /// What happened, for a person.
    public var message: String
    /// The error underneath, if any.
    public var underlying: (any Error)?

    /// - Parameters: see the properties.
    public init(code: Code, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// Whether trying the same request again may succeed.
    public var isRetryable: Bool {
        code == .connectionFailed || code == .truncatedBody || code == .malformedResponse
    }

    public var description: String { "\(code): \(message)" }
}
