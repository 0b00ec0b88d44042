/// One of the Management Activity API's feeds.
///
/// The API has exactly five; any other name is refused with AF20020.
public struct ContentType: Hashable, Sendable, Codable, CustomStringConvertible, RawRepresentable {
    /// The name as the API spells it, such as `Audit.Exchange`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Entra sign-ins (RecordType 15) and directory changes (8).
    public static let azureActiveDirectory = ContentType(rawValue: "Audit.AzureActiveDirectory")
    /// Exchange admin cmdlets and mailbox activity.
    public static let exchange = ContentType(rawValue: "Audit.Exchange")
    /// SharePoint and OneDrive.
    public static let sharePoint = ContentType(rawValue: "Audit.SharePoint")
    /// Everything else: Teams, Power BI, Defender, Forms, …
    public static let general = ContentType(rawValue: "Audit.General")
    /// DLP events of every workload.
    public static let dataLossPrevention = ContentType(rawValue: "DLP.All")

    /// The five feeds.
    public static let all: [ContentType] = [azureActiveDirectory, exchange, sharePoint, general, dataLossPrevention]

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
