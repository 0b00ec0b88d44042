/// What a user agent reveals about the client: the software, its platform, and whether it
/// is a legacy protocol, a script or a known attack tool.
public struct ClientFacts: Sendable, Hashable, Codable {
    /// The broad kind of client.
    public enum Kind: String, Sendable, Hashable, Codable {
        case browser
        /// Outlook, Teams, OneDrive and other installed Microsoft 365 applications.
        case application
        /// A command-line tool, scripting library or HTTP client (`python-requests`, `curl`).
        case script
        /// A protocol client that does not support modern authentication (IMAP, POP,
        /// SMTP AUTH, Exchange ActiveSync basic, older Outlook).
        case legacyProtocol = "legacy-protocol"
        case unknown
    }

    public var kind: Kind
    /// Software family: `Edge`, `Chrome`, `Outlook`, `python-requests`, `IMAP` …
    public var family: String
    /// Platform family: `Windows`, `macOS`, `iOS`, `Android`, `Linux` …
    public var operatingSystem: String?
    /// A known hacking tool or phishing-kit signature, when the agent matches one
    /// (`Evilginx`, `MFASweep`, `ROADtools` …).
    public var attackTool: String?

    public init(kind: Kind, family: String, operatingSystem: String? = nil, attackTool: String? = nil) {
        self.kind = kind
        self.family = family
        self.operatingSystem = operatingSystem
        self.attackTool = attackTool
    }

    /// A short stable key for baselines: family and platform (`Edge/Windows`).
    public var fingerprint: String { operatingSystem.map { "\(family)/\($0)" } ?? family }
}
