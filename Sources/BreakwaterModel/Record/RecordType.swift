/// The kind of an audit record: `RecordType` in the Management Activity schema.
///
/// Records carry the number; `Search-UnifiedAuditLog` prints the name. Microsoft adds members
/// often, so any number is accepted and kept as it is: an unknown type is still a record.
public struct RecordType: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number as recorded.
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The record type with the given member name (`"ExchangeAdmin"`), ignoring case.
    public init?(name: String) {
        guard let number = Self.numbersByLowercasedName[name.identityLowercased] else { return nil }
        rawValue = number
    }

    /// Microsoft's member name, or `nil` for a number this build does not know.
    public var name: String? { Self.names[rawValue] }

    /// The name when known, else the number.
    public var description: String { name ?? String(rawValue) }

    public static func < (lhs: RecordType, rhs: RecordType) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let exchangeAdmin = RecordType(rawValue: 1)
    public static let exchangeItem = RecordType(rawValue: 2)
    public static let exchangeItemGroup = RecordType(rawValue: 3)
    public static let sharePoint = RecordType(rawValue: 4)
    public static let sharePointFileOperation = RecordType(rawValue: 6)
    public static let oneDrive = RecordType(rawValue: 7)
    public static let azureActiveDirectory = RecordType(rawValue: 8)
    public static let azureActiveDirectoryAccountLogon = RecordType(rawValue: 9)
    public static let sharePointSharingOperation = RecordType(rawValue: 14)
    public static let azureActiveDirectoryStsLogon = RecordType(rawValue: 15)
    public static let microsoftTeams = RecordType(rawValue: 25)
    public static let exchangeItemAggregated = RecordType(rawValue: 50)

    /// Member names from the Management Activity API schema page (AuditLogRecordType), plus
    /// the newer members the contract names (275 OWAAuth, 294 AadRiskDetection).
    static let names: [Int: String] = [
        1: "ExchangeAdmin",
        2: "ExchangeItem",
        3: "ExchangeItemGroup",
        4: "SharePoint",
        6: "SharePointFileOperation",
        7: "OneDrive",
        8: "AzureActiveDirectory",
        9: "AzureActiveDirectoryAccountLogon",
        10: "DataCenterSecurityCmdlet",
        11: "ComplianceDLPSharePoint",
        13: "ComplianceDLPExchange",
        14: "SharePointSharingOperation",
        15: "AzureActiveDirectoryStsLogon",
        16: "SkypeForBusinessPSTNUsage",
        17: "SkypeForBusinessUsersBlocked",
        18: "SecurityComplianceCenterEOPCmdlet",
        19: "ExchangeAggregatedOperation",
        20: "PowerBIAudit",
        21: "CRM",
        22: "Yammer",
        23: "SkypeForBusinessCmdlets",
        24: "Discovery",
        25: "MicrosoftTeams",
        28: "ThreatIntelligence",
        29: "MailSubmission",
        30: "MicrosoftFlow",
        31: "AeD",
        32: "MicrosoftStream",
        33: "ComplianceDLPSharePointClassification",
        34: "ThreatFinder",
        35: "Project",
        36: "SharePointListOperation",
        37: "SharePointCommentOperation",
        38: "DataGovernance",
        39: "Kaizala",
        40: "SecurityComplianceAlerts",
        41: "ThreatIntelligenceUrl",
        42: "SecurityComplianceInsights",
        43: "MIPLabel",
        44: "WorkplaceAnalytics",
        45: "PowerAppsApp",
        46: "PowerAppsPlan",
        47: "ThreatIntelligenceAtpContent",
        48: "LabelContentExplorer",
        49: "TeamsHealthcare",
        50: "ExchangeItemAggregated",
        51: "HygieneEvent",
        52: "DataInsightsRestApiAudit",
        53: "InformationBarrierPolicyApplication",
        54: "SharePointListItemOperation",
        55: "SharePointContentTypeOperation",
        56: "SharePointFieldOperation",
        57: "MicrosoftTeamsAdmin",
        58: "HRSignal",
        59: "MicrosoftTeamsDevice",
        60: "MicrosoftTeamsAnalytics",
        61: "InformationWorkerProtection",
        62: "Campaign",
        63: "DLPEndpoint",
        64: "AirInvestigation",
        65: "Quarantine",
        66: "MicrosoftForms",
        67: "ApplicationAudit",
        68: "ComplianceSupervisionExchange",
        69: "CustomerKeyServiceEncryption",
        70: "OfficeNative",
        71: "MipAutoLabelSharePointItem",
        72: "MipAutoLabelSharePointPolicyLocation",
        73: "MicrosoftTeamsShifts",
        75: "MipAutoLabelExchangeItem",
        76: "CortanaBriefing",
        78: "WDATPAlerts",
        82: "SensitivityLabelPolicyMatch",
        83: "SensitivityLabelAction",
        84: "SensitivityLabeledFileAction",
        85: "AttackSim",
        86: "AirManualInvestigation",
        87: "SecurityComplianceRBAC",
        88: "UserTraining",
        89: "AirAdminActionInvestigation",
        90: "MSTIC",
        91: "PhysicalBadgingSignal",
        93: "AipDiscover",
        94: "AipSensitivityLabelAction",
        95: "AipProtectionAction",
        96: "AipFileDeleted",
        97: "AipHeartBeat",
        98: "MCASAlerts",
        99: "OnPremisesFileShareScannerDlp",
        100: "OnPremisesSharePointScannerDlp",
        101: "ExchangeSearch",
        102: "SharePointSearch",
        103: "PrivacyInsights",
        105: "MyAnalyticsSettings",
        106: "SecurityComplianceUserChange",
        107: "ComplianceDLPExchangeClassification",
        109: "MipExactDataMatch",
        113: "MS365DCustomDetection",
        147: "CoreReportingSettings",
        148: "ComplianceConnector",
        154: "OMEPortal",
        174: "DataShareOperation",
        181: "EduDataLakeDownloadOperation",
        183: "MicrosoftGraphDataConnectOperation",
        186: "PowerPagesSite",
        188: "PlannerPlan",
        189: "PlannerCopyPlan",
        190: "PlannerTask",
        191: "PlannerRoster",
        192: "PlannerPlanList",
        193: "PlannerTaskList",
        194: "PlannerTenantSettings",
        195: "ProjectForTheWebProject",
        196: "ProjectForTheWebTask",
        197: "ProjectForTheWebRoadmap",
        198: "ProjectForTheWebRoadmapItem",
        199: "ProjectForTheWebProjectSettings",
        200: "ProjectForTheWebRoadmapSettings",
        216: "VivaGoals",
        217: "MicrosoftGraphDataConnectConsent",
        230: "TeamsUpdates",
        231: "PlannerRosterSensitivityLabel",
        275: "OWAAuth",
        294: "AadRiskDetection",
    ]

    private static let numbersByLowercasedName: [String: Int] = Dictionary(
        uniqueKeysWithValues: names.map { ($0.value.identityLowercased, $0.key) })
}
