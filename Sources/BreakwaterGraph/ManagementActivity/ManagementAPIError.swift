import Foundation

/// The Management Activity API refused a request: `{"error":{"code":"AF…","message":"…"}}`
/// with an HTTP status.
///
/// ``code`` is any string the API sent (AF codes, or the long non-AF codes an unaudited tenant
/// produces); ``classification`` says what the collector should do about it.
public struct ManagementAPIError: Error, Sendable, CustomStringConvertible {
    /// What the collector should do.
    public enum Classification: Hashable, Sendable {
        /// The tenant or the application is misconfigured (missing permission, wrong tenant id,
        /// audit logging off, invalid content type, …). Stop this feed and tell the operator;
        /// retrying will not help.
        case fatalConfiguration
        /// The feed has no enabled subscription (AF20022, AF20023): start it, then retry.
        case startSubscriptionThenRetry
        /// Throttled (AF429 under HTTP 403 or 429, HTTP 429 or 503): back off, then retry.
        /// The client has already retried with back-off as its ``RetryPolicy`` allows.
        case throttled
        /// A transient server failure (AF50000, AF50005, AF50006, other 5xx) or an invalid next
        /// page (AF20031): try the same step later; for a next page, list the window again from
        /// its start.
        case retry
        /// The window was refused (AF20030, AF20055: more than 24 h, more than 7 days back, or
        /// start not before end): plan the windows again (the local clock may be off).
        case badWindow
        /// The blob does not exist or its id is invalid (AF20050, AF20052, HTTP 404): drop it.
        case contentGone
        /// The blob expired before it was fetched (AF20051): drop it and record a gap.
        case contentExpired
    }

    /// The API's `error.code`, or empty when the body had none.
    public var code: String
    /// The HTTP status.
    public var httpStatus: Int
    /// The API's `error.message`, or the start of the body.
    public var message: String
    /// What the collector should do.
    public var classification: Classification
    /// The delay the server asked for in `Retry-After`, if any (this API documents none).
    public var retryAfter: Duration?

    /// - Parameters: see the properties; the classification follows from code and status.
    public init(code: String, httpStatus: Int, message: String, retryAfter: Duration? = nil) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
        self.classification = Self.classify(code: code, httpStatus: httpStatus)
        self.retryAfter = retryAfter
    }

    /// What `code` and `httpStatus` mean for the collector.
    public static func classify(code: String, httpStatus: Int) -> Classification {
        switch code.uppercased() {
        case "AF20022", "AF20023": return .startSubscriptionThenRetry
        case "AF429": return .throttled
        case "AF50000", "AF50005", "AF50006", "AF20031": return .retry
        case "AF20030", "AF20055": return .badWindow
        case "AF20050", "AF20052": return .contentGone
        case "AF20051": return .contentExpired
        case let known where known.hasPrefix("AF"): return .fatalConfiguration
        default: break
        }
        switch httpStatus {
        case 429, 503: return .throttled
        case 404: return .contentGone
        case 408, 500...599: return .retry
        default: return .fatalConfiguration
        }
    }

    /// What the operator should do, in plain language.
    public var explanation: String {
        switch code.uppercased() {
        case "AF10001":
            return "The token lacks the ActivityFeed.Read permission: grant the Office 365 Management APIs application permission "
                + "ActivityFeed.Read to the app and have the tenant's administrator consent again."
        case "AF20010", "AF20013":
            return "The tenant id in the URL does not match the token's tenant, or is not a GUID: check the tenant id."
        case "AF20011", "AF20012":
            return "Microsoft says the tenant does not exist or is misconfigured for the activity feed."
        case "AF20020": return "The content type is not one of the five the API knows."
        case "AF20022": return "There is no subscription to this feed yet; it will be started."
        case "AF20023": return "The subscription was disabled by an administrator of the tenant or by Microsoft; it will be started again."
        case "AF429": return "Microsoft is throttling this tenant's requests (check that PublisherIdentifier is the publisher's tenant)."
        case "AF20030", "AF20055": return "The time window was refused; the windows will be planned again (check this machine's clock)."
        case "AF20051": return "The content expired before it was fetched; its events are lost to the API and a gap is recorded."
        default: break
        }
        if message.contains("DataServiceException") || message.localizedCaseInsensitiveContains("does not exist") {
            return "Unified audit logging appears to be off in this tenant: turn it on in Microsoft Purview (Audit); "
                + "it takes up to 60 minutes to apply."
        }
        switch classification {
        case .fatalConfiguration: return "The request was refused (HTTP \(httpStatus)); check the app's permissions and the tenant's setup."
        case .startSubscriptionThenRetry: return "The feed's subscription must be started."
        case .throttled: return "Microsoft is throttling this tenant's requests."
        case .retry: return "Microsoft failed to serve the request; it will be tried again."
        case .badWindow: return "The time window was refused."
        case .contentGone: return "The content no longer exists; it is skipped."
        case .contentExpired: return "The content expired; a gap is recorded."
        }
    }

    public var description: String {
        "Management Activity API \(code.isEmpty ? "HTTP \(httpStatus)" : code) (\(classification)): \(message)"
    }
}

extension ManagementAPIError: RetryAdvising {
    var retryAdvice: RetryAdvice {
        if httpStatus == 401 && !code.uppercased().hasPrefix("AF") { return .renewTokenAndRetry }
        switch classification {
        case .throttled: return .retry(after: retryAfter)
        case .retry where code.uppercased() != "AF20031": return .retry(after: retryAfter)
        default: return .stop
        }
    }
}
