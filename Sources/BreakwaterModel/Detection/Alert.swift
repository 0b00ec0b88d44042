/// Something a detector found: what, about whom, when, from where, and the records that
/// prove it.
public struct Alert: Sendable, Hashable, Codable, Identifiable {
    /// Stable for the same finding: derived from the detector, tenant, identity, the finding's
    /// own key and the record that completed it, so that reading the same records again raises
    /// the same alert, not a new one.
    public var id: String
    public var detector: DetectorID
    public var category: AlertCategory
    public var severity: Severity
    public var tenant: TenantID
    /// The identity concerned (lowercased UPN), when there is one.
    public var user: String?
    /// When the behaviour happened (the time of the event that completed it).
    public var time: Timestamp
    /// The source address, when there is one.
    public var ip: IPAddress?
    /// The records that show it, oldest first.
    public var evidence: [RecordID]
    public var attack: [AttackTechnique]
    /// One line for people.
    public var summary: String
    /// Facts behind the summary, by name (rule name, destination, country, count …).
    public var details: [String: String]
    /// Session and token ids the evidence carries.
    public var sessions: [String]
    /// The stage of an attack the behaviour belongs to.
    public var stage: KillChainStage

    public init(
        id: String, detector: DetectorID, category: AlertCategory, severity: Severity, tenant: TenantID, user: String?, time: Timestamp,
        ip: IPAddress?, evidence: [RecordID], attack: [AttackTechnique], summary: String, details: [String: String] = [:],
        sessions: [String] = [], stage: KillChainStage
    ) {
        self.id = id
        self.detector = detector
        self.category = category
        self.severity = severity
        self.tenant = tenant
        self.user = user
        self.time = time
        self.ip = ip
        self.evidence = evidence
        self.attack = attack
        self.summary = summary
        self.details = details
        self.sessions = sessions
        self.stage = stage
    }

    /// The detail saying the alert's address is one its identity habitually uses (so it
    /// locates the user, not an attacker).
    public static let familiarAddressDetail = "address_familiar"

    /// A stable alert id: 16 hex digits of a 64-bit FNV-1a hash of the parts.
    public static func makeID(_ parts: String...) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
