public import BreakwaterModel

/// Works out what an attacker touched: every action of the incident's identity from the
/// attacker's addresses or sessions, grouped the way a responder audits them.
///
/// Fed the identity's events oldest first (from a little before the incident to the end of
/// the data); keeps only the attacker's.
public struct FootprintBuilder: Sendable {
    public let user: String
    private let addresses: Set<IPAddress>
    private let sessions: Set<String>
    public private(set) var footprint = Footprint()
    private var seen: [String: Set<String>] = [:]

    /// - Parameter incident: whose attacker to follow.
    public init(incident: Incident) {
        user = incident.user
        addresses = Set(incident.attackerIPs)
        sessions = Set(incident.sessions)
    }

    /// Whether `event` is the attacker's: the incident's identity acting from one of the
    /// attacker's addresses or sessions.
    public func isAttackers(_ event: Event) -> Bool {
        guard event.actor == user || event.mailboxOwner == user else { return false }
        if let address = event.sourceIP, addresses.contains(address) { return true }
        return event.sessions.all.contains(where: sessions.contains)
    }

    /// Adds `event` to the footprint if it is the attacker's.
    public mutating func add(_ event: Event) {
        guard isAttackers(event) else { return }
        footprint.records.append(event.id)
        let record = event.record
        switch event.kind {
        case .mailAccessed:
            footprint.mailItemsAccessed += record.fieldText("OperationCount").flatMap { Int($0) } ?? 1
        case .mailSent:
            note(\.mailSent, record.field("Item")?["Subject"]?.scalarText ?? record.fieldText("Subject") ?? "(no subject)")
        case .mailDeleted:
            footprint.mailDeleted += 1
        case .fileAccessed: note(\.filesAccessed, fileName(record))
        case .fileDownloaded: note(\.filesDownloaded, fileName(record))
        case .fileUploaded: note(\.filesUploaded, fileName(record))
        case .fileDeleted: note(\.filesDeleted, fileName(record))
        case .sharingGranted:
            let target = record.fieldText("TargetUserOrGroupName") ?? "someone"
            note(\.filesShared, "\(fileName(record)) → \(target)")
        case .linkCreated:
            let kind = event.operation.hasPrefix("Anonymous") ? "anyone with the link" : "a sharing link"
            note(\.filesShared, "\(fileName(record)) → \(kind)")
        case .teamsMembershipChanged:
            if let team = record.fieldText("TeamName") { note(\.teamsJoined, team) }
        case .inboxRuleCreated, .inboxRuleModified:
            footprint.inboxRules.append(InboxRuleDefinition(event).finding(at: event))
        case .mailboxForwardingChanged:
            for name in ["ForwardingSmtpAddress", "ForwardingAddress"] {
                if let value = event.parameters[name], !value.isEmpty { note(\.forwarding, value) }
            }
        case .consentGranted:
            note(\.consents, record.objectID ?? "an application")
        default:
            break
        }
    }

    /// Appends `value` to a list once.
    private mutating func note(_ list: WritableKeyPath<Footprint, [String]>, _ value: String) {
        let key = "\(list.hashValue)"
        guard seen[key, default: []].insert(value).inserted else { return }
        footprint[keyPath: list].append(value)
    }

    private func fileName(_ record: AuditRecord) -> String {
        if let name = record.fieldText("SourceFileName"), !name.isEmpty {
            if let folder = record.fieldText("SourceRelativeUrl"), !folder.isEmpty { return "\(folder)/\(name)" }
            return name
        }
        return record.objectID ?? "(unnamed)"
    }
}
