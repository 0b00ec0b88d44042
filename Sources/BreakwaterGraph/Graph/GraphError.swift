/// Microsoft Graph refused a request: `{"error":{"code","message","innerError":{…}}}`.
///
/// Branch on ``kind`` (or ``code``), never on ``message``, which Microsoft may reword.
public struct GraphError: Error, Sendable, CustomStringConvertible {
    /// Graph's `error.code`, such as `Authorization_RequestDenied`.
    public struct Code: Hashable, Sendable, CustomStringConvertible, RawRepresentable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The tenant has no Entra ID P1/P2 licence, which sign-in logs need.
        public static let premiumLicenceRequired = Code(rawValue: "Authentication_RequestFromNonPremiumTenantOrB2CTenant")
        /// The app lacks the permission or the directory role the call needs.
        public static let authorizationRequestDenied = Code(rawValue: "Authorization_RequestDenied")
        /// The user, rule or other object does not exist.
        public static let resourceNotFound = Code(rawValue: "Request_ResourceNotFound")
        /// The mail item (such as an inbox rule) does not exist.
        public static let itemNotFound = Code(rawValue: "ErrorItemNotFound")
        /// Throttled.
        public static let tooManyRequests = Code(rawValue: "TooManyRequests")
        /// The access token was refused.
        public static let invalidAuthenticationToken = Code(rawValue: "InvalidAuthenticationToken")
    }

    /// What the caller should do.
    public enum Kind: Hashable, Sendable {
        /// Sign-in logs need Entra ID P1 or P2, which the tenant lacks (HTTP 403,
        /// `Authentication_RequestFromNonPremiumTenantOrB2CTenant`): read sign-ins from the audit
        /// feed (`Audit.AzureActiveDirectory`) for this tenant instead.
        case premiumLicenceRequired
        /// The app lacks the Graph permission or the Entra role the call needs
        /// (`Authorization_RequestDenied`, other HTTP 403): the operator must grant it.
        case accessDenied
        /// The object does not exist (HTTP 404): for a deletion, it is already gone.
        case notFound
        /// Throttled (HTTP 429), and still throttled after the client's retries: back off.
        case throttled
        /// Graph failed (HTTP 5xx, 408), still after the client's retries: try later.
        case unavailable
        /// The token was refused even after a fresh one was fetched (HTTP 401).
        case unauthorized
        /// The request was refused as malformed (HTTP 400 and other 4xx).
        case badRequest
    }

    /// Graph's `error.code`, empty when the body had none.
    public var code: Code
    /// The HTTP status.
    public var httpStatus: Int
    /// Graph's `error.message`.
    public var message: String
    /// `innerError.request-id`, for a support ticket.
    public var requestID: String?
    /// The delay the server asked for in `Retry-After`, if any.
    public var retryAfter: Duration?

    /// - Parameters: see the properties.
    public init(code: Code, httpStatus: Int, message: String, requestID: String? = nil, retryAfter: Duration? = nil) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
        self.requestID = requestID
        self.retryAfter = retryAfter
    }

    /// What the caller should do, from the code first and the status second.
    public var kind: Kind {
        switch code {
        case .premiumLicenceRequired: return .premiumLicenceRequired
        case .authorizationRequestDenied: return .accessDenied
        case .resourceNotFound, .itemNotFound: return .notFound
        case .tooManyRequests: return .throttled
        default: break
        }
        switch httpStatus {
        case 401: return .unauthorized
        case 403: return .accessDenied
        case 404: return .notFound
        case 429: return .throttled
        case 408, 500...599: return .unavailable
        default: return .badRequest
        }
    }

    /// What the operator should do, in plain language.
    public var explanation: String {
        switch kind {
        case .premiumLicenceRequired:
            return "This tenant has no Entra ID P1/P2 licence, so Graph has no sign-in log for it; its sign-ins are read from the audit feed."
        case .accessDenied:
            return "The app lacks the Graph permission or Entra role for this call (for example AuditLog.Read.All, "
                + "MailboxSettings.ReadWrite, User.RevokeSessions.All, or User.ReadWrite.All with the User Administrator role); "
                + "grant it and have the tenant's administrator consent again."
        case .notFound: return "The object does not exist (or no longer does)."
        case .throttled: return "Graph is throttling this tenant's requests; back off and try later."
        case .unavailable: return "Graph failed to serve the request; try later."
        case .unauthorized: return "Graph refused the access token; check the app's permissions and the tenant's consent."
        case .badRequest: return "Graph refused the request as malformed (HTTP \(httpStatus))."
        }
    }

    public var description: String {
        "Graph \(code.rawValue.isEmpty ? "HTTP \(httpStatus)" : code.rawValue) (\(kind)): \(message)"
    }
}

extension GraphError: RetryAdvising {
    var retryAdvice: RetryAdvice {
        switch kind {
        case .unauthorized: .renewTokenAndRetry
        case .throttled, .unavailable: .retry(after: retryAfter)
        case .premiumLicenceRequired, .accessDenied, .notFound, .badRequest: .stop
        }
    }
}
