/// The changes response makes to a user with `PATCH /users/{id}`.
///
/// Only the properties set are sent. The description hides any password.
public struct UserUpdate: Sendable, Encodable, CustomStringConvertible {
    /// A new password and whether it must be changed at next sign-in.
    public struct PasswordProfile: Sendable, Encodable {
        /// The new password; `nil` to only force a change at next sign-in.
        public var password: String?
        public var forceChangePasswordNextSignIn: Bool
        /// Require MFA before the change.
        public var forceChangePasswordNextSignInWithMfa: Bool?

        /// - Parameters: see the properties.
        public init(password: String? = nil, forceChangePasswordNextSignIn: Bool = true, forceChangePasswordNextSignInWithMfa: Bool? = nil) {
            self.password = password
            self.forceChangePasswordNextSignIn = forceChangePasswordNextSignIn
            self.forceChangePasswordNextSignInWithMfa = forceChangePasswordNextSignInWithMfa
        }
    }

    /// `false` blocks sign-in.
    public var accountEnabled: Bool?
    /// A password reset.
    public var passwordProfile: PasswordProfile?

    /// - Parameters: see the properties.
    public init(accountEnabled: Bool? = nil, passwordProfile: PasswordProfile? = nil) {
        self.accountEnabled = accountEnabled
        self.passwordProfile = passwordProfile
    }

    /// Blocks the user's sign-in (`accountEnabled: false`).
    public static let blockSignIn = UserUpdate(accountEnabled: false)

    /// Forces a password change at next sign-in, optionally setting a new password first.
    public static func forcePasswordChange(newPassword: String? = nil, requireMFA: Bool = false) -> UserUpdate {
        UserUpdate(
            passwordProfile: PasswordProfile(
                password: newPassword, forceChangePasswordNextSignIn: true, forceChangePasswordNextSignInWithMfa: requireMFA ? true : nil))
    }

    public var description: String {
        var parts: [String] = []
        if let accountEnabled { parts.append("accountEnabled: \(accountEnabled)") }
        if let passwordProfile {
            parts.append(
                "passwordProfile: {password: \(passwordProfile.password == nil ? "unchanged" : "<redacted>"), "
                    + "forceChangePasswordNextSignIn: \(passwordProfile.forceChangePasswordNextSignIn)}")
        }
        return "UserUpdate(\(parts.joined(separator: ", ")))"
    }
}
