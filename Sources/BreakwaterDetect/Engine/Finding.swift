public import BreakwaterModel

/// What a detector reports: the engine turns it into an ``Alert`` with the detector's id,
/// category, stage and ATT&CK techniques, the tenant's severity override, a stable id, and
/// suppressions applied.
public struct Finding: Sendable {
    /// Tells apart this detector's findings about the same identity on the same record (a
    /// rule's name, the first record of a window); with the detector, tenant, user and the
    /// record that completed the finding it makes the alert id, so that reading the same
    /// records again gives the same id.
    public var key: String
    /// One line for people.
    public var summary: String
    /// The records that show it, oldest first.
    public var evidence: [RecordID]
    /// The severity of this finding; `nil` for the detector's default.
    public var severity: Severity?
    /// Facts behind the summary, by name.
    public var details: [String: String]
    /// The source address; `nil` takes the event's.
    public var ip: IPAddress?
    /// Session and token ids involved; `nil` takes the event's.
    public var sessions: [String]?
    /// The identity concerned; `nil` takes the event's actor. Set it to `""` for findings
    /// about no one identity (a spray across many).
    public var user: String?

    public init(
        key: String, summary: String, evidence: [RecordID], severity: Severity? = nil, details: [String: String] = [:],
        ip: IPAddress? = nil, sessions: [String]? = nil, user: String? = nil
    ) {
        self.key = key
        self.summary = summary
        self.evidence = evidence
        self.severity = severity
        self.details = details
        self.ip = ip
        self.sessions = sessions
        self.user = user
    }
}
