public import Foundation

/// A directory user, with the properties response and detection need.
public struct GraphUser: GraphCollectionElement, Hashable, Decodable {
    /// The object id.
    public var id: String
    public var displayName: String?
    public var userPrincipalName: String?
    public var mail: String?
    /// `Member` or `Guest`.
    public var userType: String?
    /// Whether the user can sign in.
    public var accountEnabled: Bool?
    /// Whether the user is synchronised from on-premises Active Directory (then password and
    /// account changes must be made there).
    public var onPremisesSyncEnabled: Bool?
    public var createdDateTime: Date?
    /// Sessions issued before this instant were revoked.
    public var signInSessionsValidFromDateTime: Date?

    /// The properties asked for with `$select` unless the caller names others.
    public static let defaultProperties = [
        "id", "displayName", "userPrincipalName", "mail", "userType", "accountEnabled", "onPremisesSyncEnabled", "createdDateTime",
        "signInSessionsValidFromDateTime",
    ]

    public init(graphJSON: [UInt8]) throws {
        self = try MicrosoftJSON.decode(Self.self, from: graphJSON, what: "a Graph user")
    }
}
