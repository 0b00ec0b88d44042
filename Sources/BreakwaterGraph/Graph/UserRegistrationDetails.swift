public import Foundation

/// A user's MFA and self-service password reset registration
/// (`/reports/authenticationMethods/userRegistrationDetails`).
public struct UserRegistrationDetails: GraphCollectionElement, Hashable, Decodable {
    /// The user's object id.
    public var id: String
    public var userPrincipalName: String?
    public var userDisplayName: String?
    /// `member` or `guest`.
    public var userType: String?
    public var isAdmin: Bool?
    /// Registered for a strong method and allowed to use it.
    public var isMfaCapable: Bool?
    public var isMfaRegistered: Bool?
    public var isPasswordlessCapable: Bool?
    public var isSsprRegistered: Bool?
    /// Methods registered, such as `microsoftAuthenticatorPush`, `mobilePhone`.
    public var methodsRegistered: [String]?
    public var userPreferredMethodForSecondaryAuthentication: String?
    public var lastUpdatedDateTime: Date?

    public init(graphJSON: [UInt8]) throws {
        self = try MicrosoftJSON.decode(Self.self, from: graphJSON, what: "a user registration detail")
    }
}
