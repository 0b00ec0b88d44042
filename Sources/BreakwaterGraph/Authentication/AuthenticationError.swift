public import BreakwaterModel

/// Microsoft Entra refused to issue a token, or the credentials could not be used at all.
///
/// Carries the `AADSTS` code Entra gave (`error_codes` or the code at the start of
/// `error_description`) and an ``explanation`` an operator can act on. The description names
/// the tenant and application, never the secret or the key.
public struct AuthenticationError: Error, Sendable, CustomStringConvertible {
    /// The kind of refusal, from the AADSTS code (or the OAuth error when there is none).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The tenant id or domain does not exist (AADSTS90002, AADSTS900023).
        public static let unknownTenant = Code("unknownTenant")
        /// The application is not in the tenant's directory: not consented there, or the wrong
        /// client id (AADSTS700016).
        public static let applicationNotFound = Code("applicationNotFound")
        /// The client secret is wrong, or the client was refused (AADSTS7000215, `invalid_client`).
        public static let invalidClientSecret = Code("invalidClientSecret")
        /// The client secret has expired (AADSTS7000222).
        public static let expiredClientSecret = Code("expiredClientSecret")
        /// The scope is not valid for the resource (AADSTS70011).
        public static let invalidScope = Code("invalidScope")
        /// The signed client assertion was refused: wrong key, certificate not uploaded, wrong
        /// audience (AADSTS700027, AADSTS700021, AADSTS700023).
        public static let invalidClientAssertion = Code("invalidClientAssertion")
        /// The client assertion's time window does not contain Entra's clock (AADSTS700024).
        public static let clockSkew = Code("clockSkew")
        /// The tenant has not consented to the API asked for (AADSTS65001, AADSTS500011).
        public static let consentRequired = Code("consentRequired")
        /// The application is disabled (AADSTS7000112).
        public static let applicationDisabled = Code("applicationDisabled")
        /// A Conditional Access policy for workload identities blocked the app (AADSTS53003).
        public static let blockedByConditionalAccess = Code("blockedByConditionalAccess")
        /// Entra is temporarily unavailable or throttling (HTTP 5xx/429, `temporarily_unavailable`).
        public static let temporarilyUnavailable = Code("temporarilyUnavailable")
        /// The token endpoint answered with something that is not a token or an OAuth error.
        public static let malformedResponse = Code("malformedResponse")
        /// Another refusal; see ``AuthenticationError/aadstsCode`` and ``AuthenticationError/oauthError``.
        public static let other = Code("other")
    }

    /// The kind of refusal.
    public var code: Code
    /// The AADSTS number (`700016` for AADSTS700016), when Entra gave one.
    public var aadstsCode: Int?
    /// The OAuth `error` field (`invalid_client`, `unauthorized_client`, …), when present.
    public var oauthError: String?
    /// The HTTP status of the token response, when there was one.
    public var httpStatus: Int?
    /// The tenant whose token was asked for.
    public var tenant: TenantID
    /// The application that asked.
    public var clientID: String
    /// What the operator should do, in plain language.
    public var explanation: String
    /// Entra's trace id, for a support ticket.
    public var traceID: String?
    /// Entra's correlation id, for a support ticket.
    public var correlationID: String?

    /// - Parameters: see the properties.
    public init(
        code: Code, aadstsCode: Int? = nil, oauthError: String? = nil, httpStatus: Int? = nil, tenant: TenantID, clientID: String,
        explanation: String, traceID: String? = nil, correlationID: String? = nil
    ) {
        self.code = code
        self.aadstsCode = aadstsCode
        self.oauthError = oauthError
        self.httpStatus = httpStatus
        self.tenant = tenant
        self.clientID = clientID
        self.explanation = explanation
        self.traceID = traceID
        self.correlationID = correlationID
    }

    /// Whether asking again later may succeed without anyone changing anything.
    public var isTransient: Bool {
        code == .temporarilyUnavailable || code == .malformedResponse
    }

    public var description: String {
        var text = "token for tenant \(tenant) refused"
        if let aadstsCode { text += " (AADSTS\(aadstsCode))" } else if let oauthError { text += " (\(oauthError))" }
        return text + ": " + explanation
    }
}

extension AuthenticationError: RetryAdvising {
    var retryAdvice: RetryAdvice { isTransient ? .retry(after: nil) : .stop }
}
