/// What an attacker touched while inside an account: every action from the attacker's
/// addresses and sessions, grouped the way a responder audits them.
public struct Footprint: Sendable, Hashable, Codable {
    /// Mail items read (`MailItemsAccessed` counts items, not records).
    public var mailItemsAccessed: Int
    /// Subjects of messages sent.
    public var mailSent: [String]
    public var mailDeleted: Int
    public var filesAccessed: [String]
    public var filesDownloaded: [String]
    public var filesUploaded: [String]
    public var filesDeleted: [String]
    /// Files and folders shared, with who or what link.
    public var filesShared: [String]
    /// Teams the account was added to.
    public var teamsJoined: [String]
    /// Inbox rules created or changed.
    public var inboxRules: [InboxRuleFinding]
    /// Forwarding destinations set.
    public var forwarding: [String]
    /// Applications given consent.
    public var consents: [String]
    /// Every record in the footprint, oldest first.
    public var records: [RecordID]

    public init(
        mailItemsAccessed: Int = 0, mailSent: [String] = [], mailDeleted: Int = 0, filesAccessed: [String] = [],
        filesDownloaded: [String] = [], filesUploaded: [String] = [], filesDeleted: [String] = [], filesShared: [String] = [],
        teamsJoined: [String] = [], inboxRules: [InboxRuleFinding] = [], forwarding: [String] = [], consents: [String] = [],
        records: [RecordID] = []
    ) {
        self.mailItemsAccessed = mailItemsAccessed
        self.mailSent = mailSent
        self.mailDeleted = mailDeleted
        self.filesAccessed = filesAccessed
        self.filesDownloaded = filesDownloaded
        self.filesUploaded = filesUploaded
        self.filesDeleted = filesDeleted
        self.filesShared = filesShared
        self.teamsJoined = teamsJoined
        self.inboxRules = inboxRules
        self.forwarding = forwarding
        self.consents = consents
        self.records = records
    }

    public var isEmpty: Bool { records.isEmpty }
}

/// An inbox rule as an investigator needs to see it to remove it.
public struct InboxRuleFinding: Sendable, Hashable, Codable {
    public var name: String
    /// The mailbox the rule is on.
    public var mailbox: String?
    /// Conditions, as `name: value`.
    public var conditions: [String]
    /// Actions, as `name: value`.
    public var actions: [String]
    public var time: Timestamp
    public var record: RecordID

    public init(name: String, mailbox: String?, conditions: [String], actions: [String], time: Timestamp, record: RecordID) {
        self.name = name
        self.mailbox = mailbox
        self.conditions = conditions
        self.actions = actions
        self.time = time
        self.record = record
    }
}
