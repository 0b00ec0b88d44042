public import BreakwaterModel

/// The five content types of the Management Activity API (contract §2.2).
public enum ManagementContentType: String, Sendable, Hashable, CaseIterable, Codable {
    case azureActiveDirectory = "Audit.AzureActiveDirectory"
    case exchange = "Audit.Exchange"
    case sharePoint = "Audit.SharePoint"
    case general = "Audit.General"
    case dataLossPrevention = "DLP.All"

    /// The feed a record is published in: Entra records to Azure AD, Exchange records to
    /// Exchange, SharePoint and OneDrive to SharePoint, everything else (Teams, Defender, …)
    /// to General. The scenario writes no DLP events.
    public init(workload: String?, recordType: RecordType) {
        switch workload {
        case "AzureActiveDirectory": self = .azureActiveDirectory
        case "Exchange": self = .exchange
        case "SharePoint", "OneDrive": self = .sharePoint
        default:
            switch recordType {
            case .azureActiveDirectory, .azureActiveDirectoryStsLogon, .azureActiveDirectoryAccountLogon: self = .azureActiveDirectory
            case .exchangeAdmin, .exchangeItem, .exchangeItemGroup, .exchangeItemAggregated: self = .exchange
            case .sharePoint, .sharePointFileOperation, .oneDrive, .sharePointSharingOperation: self = .sharePoint
            default: self = .general
            }
        }
    }

    /// The lower-case, underscored name that content ids carry (`audit_sharepoint`).
    var idSegment: String {
        String(rawValue.lowercased().map { $0 == "." ? "_" : $0 })
    }
}
