/// One feed of a tenant that a collector reads on its own, with its own checkpoint: a
/// Management Activity API content type, or the Graph sign-in log.
public struct CollectionStream: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Entra sign-ins and directory changes.
    public static let azureActiveDirectory = CollectionStream(rawValue: "Audit.AzureActiveDirectory")
    /// Exchange admin cmdlets and mailbox activity.
    public static let exchange = CollectionStream(rawValue: "Audit.Exchange")
    /// SharePoint and OneDrive.
    public static let sharePoint = CollectionStream(rawValue: "Audit.SharePoint")
    /// Everything else: Teams, Power BI, Defender, Forms, …
    public static let general = CollectionStream(rawValue: "Audit.General")
    /// Data-loss-prevention events.
    public static let dlp = CollectionStream(rawValue: "DLP.All")
    /// The Graph sign-in log (`/auditLogs/signIns`).
    public static let signIns = CollectionStream(rawValue: "SignIns")

    /// The Management Activity API content types Breakwater reads (DLP is left out: it carries
    /// sensitive content and needs its own permission).
    public static let auditContentTypes: [CollectionStream] = [azureActiveDirectory, exchange, sharePoint, general]

    public var description: String { rawValue }
}
