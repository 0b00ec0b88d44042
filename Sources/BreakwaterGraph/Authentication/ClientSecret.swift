/// An application's client secret, kept out of logs and descriptions.
///
/// Printing or interpolating a `ClientSecret` shows `<redacted>`; only the token request reads
/// the value.
public struct ClientSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let value: String

    /// - Parameter value: the secret's *value* as shown once in Entra (not its secret ID).
    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "ClientSecret(<redacted>)" }
}
