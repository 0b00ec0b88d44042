public import BreakwaterModel

/// What really happened in a simulated month: the attack, step by step, and the ordinary
/// people whose unusual-looking habits must not be mistaken for it.
///
/// Written as `truth.json`; `breakwater investigate` is judged against it.
public struct ScenarioTruth: Codable, Sendable, Hashable {
    /// The business email compromise.
    public struct Attack: Codable, Sendable, Hashable {
        /// The victim's UPN.
        public var victim: String
        public var victimDisplayName: String
        public var phishingSubject: String
        public var phishingURL: String
        /// Every address the attacker used: the phishing proxy's, then the replaying host's.
        public var attackerAddresses: [String]
        /// The adversary-in-the-middle proxy that relayed the sign-in (DigitalOcean, US).
        public var proxyAddress: String
        /// The host that replayed the stolen session (AS48090, NL).
        public var replayAddress: String
        /// The stolen Entra session: Graph `sessionId`, `DeviceProperties.SessionId` and
        /// `AppAccessContext.AADSessionId` of everything the attacker did.
        public var attackerSessionID: String
        public var ruleName: String
        public var ruleFolder: String
        /// `SubjectOrBodyContainsWords` of the rule (`;`-separated).
        public var ruleKeywords: String
        public var payrollSubject: String
        /// Who the fraudulent payroll mail went to.
        public var payrollRecipient: String
        /// Full URLs of the files downloaded in the burst.
        public var downloadedFiles: [String]
        /// Full URL of the file given an anonymous link.
        public var anonymousLinkFile: String
        /// Teams the victim was added to, in order.
        public var teamsJoined: [String]
        public var timeline: [Step]
    }

    /// One moment of the attack.
    public struct Step: Codable, Sendable, Hashable {
        public var time: Timestamp
        public var description: String
    }

    /// Someone who flies abroad during the month.
    public struct Traveller: Codable, Sendable, Hashable {
        public var userPrincipalName: String
        public var trips: [Trip]
    }

    /// A trip: where, and the first and last days (midnight UTC).
    public struct Trip: Codable, Sendable, Hashable {
        public var city: String
        public var country: String
        public var departure: Timestamp
        public var returning: Timestamp
    }

    /// Someone who files automated mail with an inbox rule.
    public struct FilingRule: Codable, Sendable, Hashable {
        public var userPrincipalName: String
        public var ruleName: String
        public var folder: String
    }

    public var seed: UInt64
    public var start: Timestamp
    public var days: Int
    public var scale: Int
    public var tenant: TenantID
    public var domain: String
    /// People on the payroll (the backup service account not counted).
    public var staffCount: Int
    /// The office's Internet addresses.
    public var officeAddresses: [String]
    /// `nil` when the month was simulated without the attack.
    public var attack: Attack?
    public var travellers: [Traveller]
    /// People whose laptops go through the Zscaler edge (US egress) while they are in the UK.
    public var proxyUsers: [String]
    public var filingRules: [FilingRule]
    /// The nightly rclone backup's account, and the server it runs on.
    public var backupAccount: String
    public var backupAddress: String
    public var itAdministrator: String
    /// Has Full Access to the chief executive's mailbox from early in the month.
    public var executiveAssistant: String
    public var chiefExecutive: String
    /// Given the Reports Reader role by IT.
    public var reportsReader: String
    /// People who share documents with client companies.
    public var clientSharers: [String]
    /// People who publish brochures with anonymous links.
    public var brochurePublishers: [String]
}
