/// The app registration Breakwater uses in a simulated tenant: its credentials and the
/// application permissions an administrator consented to.
public struct SimulatedApplication: Sendable, Hashable {
    /// The application (client) id.
    public var clientID: String
    /// The client secret the token endpoint accepts. Never logged.
    public var clientSecret: String
    /// Application permissions (app roles) granted; tokens carry those of the requested
    /// resource in `roles`.
    public var roles: Set<String>

    /// Every permission Breakwater asks for (contract §1.4).
    public static let breakwaterRoles: Set<String> = [
        "ActivityFeed.Read", "ActivityFeed.ReadDlp", "ServiceHealth.Read",
        "AuditLog.Read.All", "Directory.Read.All", "User.Read.All", "MailboxSettings.ReadWrite", "User.RevokeSessions.All",
        "User.ReadWrite.All",
    ]

    public init(clientID: String, clientSecret: String, roles: Set<String> = SimulatedApplication.breakwaterRoles) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.roles = roles
    }
}

extension SimulatedApplication: CustomStringConvertible {
    /// The client id only: the secret stays out of logs and messages.
    public var description: String { "SimulatedApplication(clientID: \(clientID))" }
}
