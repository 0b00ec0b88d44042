/// One sign-in to Entra ID, written to both logs: the audit log's `UserLoggedIn` or
/// `UserLoginFailed` (RecordType 15) and a Graph beta `signIn`.
struct SignInAttempt: Sendable {
    /// How the user proved who they were, and how it ended.
    enum Step: Sendable, Hashable {
        /// Password and an Authenticator push: a new session.
        case passwordAndMFA
        /// No prompt: the session's token already carried both factors.
        case tokenClaim
        /// A refresh token redeemed without the user (the backup service).
        case refreshToken
        /// AADSTS50126: a mistyped password.
        case wrongPassword
        /// AADSTS50074: the password was right and MFA is now required.
        case mfaRequired
        /// AADSTS50140: the "Stay signed in?" interrupt.
        case keepSignedInInterrupt

        var errorCode: Int {
            switch self {
            case .passwordAndMFA, .tokenClaim, .refreshToken: 0
            case .wrongPassword: 50126
            case .mfaRequired: 50074
            case .keepSignedInInterrupt: 50140
            }
        }

        /// `LogonError` in the audit log.
        var logonError: String? {
            switch self {
            case .passwordAndMFA, .tokenClaim, .refreshToken: nil
            case .wrongPassword: "InvalidUserNameOrPassword"
            case .mfaRequired: "UserStrongAuthClientAuthNRequiredInterrupt"
            case .keepSignedInInterrupt: "KmsiInterrupt"
            }
        }

        /// Graph `status.failureReason`.
        var failureReason: String? {
            switch self {
            case .passwordAndMFA, .tokenClaim, .refreshToken: nil
            case .wrongPassword: "Error validating credentials due to invalid username or password."
            case .mfaRequired: "Strong Authentication is required."
            case .keepSignedInInterrupt: "This error occurred due to 'Keep me signed in' interrupt when the user was signing in."
            }
        }
    }

    var time: Int64
    var connection: Connection
    var application: EntraApplication
    var step: Step
    /// Graph `id`; the audit log's `IntraSystemId`.
    var requestID: String
    /// Graph `correlationId`; the audit log's `InterSystemsId`.
    var correlationID: String
    var isInteractive: Bool = true
    /// Whether a conditional access policy requiring MFA applied (everyone but the
    /// excluded service account).
    var requiresMFA: Bool = true
}
