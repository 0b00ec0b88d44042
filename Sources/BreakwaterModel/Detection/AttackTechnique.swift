/// A MITRE ATT&CK technique, with the tactic it serves here.
public struct AttackTechnique: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The tactic id (`TA0005`).
    public var tactic: String
    /// The technique or sub-technique id (`T1564.008`).
    public var technique: String
    /// The technique's name.
    public var name: String

    public init(tactic: String, technique: String, name: String) {
        self.tactic = tactic
        self.technique = technique
        self.name = name
    }

    /// `TA0005:T1564.008`.
    public var description: String { "\(tactic):\(technique)" }

    public static let validCloudAccounts = AttackTechnique(tactic: "TA0001", technique: "T1078.004", name: "Valid Accounts: Cloud Accounts")
    public static let passwordGuessing = AttackTechnique(tactic: "TA0006", technique: "T1110.001", name: "Brute Force: Password Guessing")
    public static let passwordSpraying = AttackTechnique(tactic: "TA0006", technique: "T1110.003", name: "Brute Force: Password Spraying")
    public static let mfaRequestGeneration = AttackTechnique(
        tactic: "TA0006", technique: "T1621", name: "Multi-Factor Authentication Request Generation")
    public static let webSessionCookie = AttackTechnique(
        tactic: "TA0005", technique: "T1550.004", name: "Use Alternate Authentication Material: Web Session Cookie")
    public static let stealWebSessionCookie = AttackTechnique(tactic: "TA0006", technique: "T1539", name: "Steal Web Session Cookie")
    public static let emailHidingRules = AttackTechnique(tactic: "TA0005", technique: "T1564.008", name: "Hide Artifacts: Email Hiding Rules")
    public static let emailForwardingRule = AttackTechnique(tactic: "TA0009", technique: "T1114.003", name: "Email Collection: Email Forwarding Rule")
    public static let remoteEmailCollection = AttackTechnique(tactic: "TA0009", technique: "T1114.002", name: "Email Collection: Remote Email Collection")
    public static let additionalEmailDelegatePermissions = AttackTechnique(
        tactic: "TA0003", technique: "T1098.002", name: "Account Manipulation: Additional Email Delegate Permissions")
    public static let additionalCloudRoles = AttackTechnique(
        tactic: "TA0004", technique: "T1098.003", name: "Account Manipulation: Additional Cloud Roles")
    public static let deviceRegistration = AttackTechnique(tactic: "TA0003", technique: "T1098.005", name: "Account Manipulation: Device Registration")
    public static let disableCloudLogs = AttackTechnique(
        tactic: "TA0005", technique: "T1562.008", name: "Impair Defenses: Disable or Modify Cloud Logs")
    public static let modifyAuthenticationProcess = AttackTechnique(
        tactic: "TA0006", technique: "T1556.006", name: "Modify Authentication Process: Multi-Factor Authentication")
    public static let dataFromCloudStorage = AttackTechnique(tactic: "TA0009", technique: "T1530", name: "Data from Cloud Storage")
    public static let dataFromSharePoint = AttackTechnique(
        tactic: "TA0009", technique: "T1213.002", name: "Data from Information Repositories: Sharepoint")
    public static let exfiltrationToCloudStorage = AttackTechnique(
        tactic: "TA0010", technique: "T1567.002", name: "Exfiltration Over Web Service: Exfiltration to Cloud Storage")
    public static let transferToCloudAccount = AttackTechnique(tactic: "TA0010", technique: "T1537", name: "Transfer Data to Cloud Account")
    public static let dataDestruction = AttackTechnique(tactic: "TA0040", technique: "T1485", name: "Data Destruction")
    public static let dataEncryptedForImpact = AttackTechnique(tactic: "TA0040", technique: "T1486", name: "Data Encrypted for Impact")
    public static let stealApplicationAccessToken = AttackTechnique(
        tactic: "TA0006", technique: "T1528", name: "Steal Application Access Token")
    public static let internalSpearphishing = AttackTechnique(tactic: "TA0008", technique: "T1534", name: "Internal Spearphishing")
    public static let financialTheft = AttackTechnique(tactic: "TA0040", technique: "T1657", name: "Financial Theft")
    public static let proxy = AttackTechnique(tactic: "TA0011", technique: "T1090.003", name: "Proxy: Multi-hop Proxy")
    public static let accountAccessRemoval = AttackTechnique(tactic: "TA0040", technique: "T1531", name: "Account Access Removal")
    public static let cloudServiceDashboard = AttackTechnique(tactic: "TA0007", technique: "T1538", name: "Cloud Service Dashboard")
}
