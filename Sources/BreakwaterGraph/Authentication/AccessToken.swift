public import Foundation

/// A bearer token for one tenant and one resource, and when it stops being valid.
///
/// Its description hides the token itself.
public struct AccessToken: Sendable, Equatable, CustomStringConvertible {
    /// The bearer token, for the `Authorization` header only; never log it.
    public let value: String
    /// The resource (audience) the token is for, such as `https://manage.office.com`.
    public let resource: String
    /// When Entra says the token expires.
    public let expiresAt: Date

    /// - Parameters: see the properties.
    public init(value: String, resource: String, expiresAt: Date) {
        self.value = value
        self.resource = resource
        self.expiresAt = expiresAt
    }

    public var description: String { "access token for \(resource), expires \(expiresAt)" }
}
