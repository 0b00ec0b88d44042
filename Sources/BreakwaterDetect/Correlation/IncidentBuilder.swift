public import BreakwaterModel

/// Gathers alerts into incidents: one per identity, for as long as its alerts keep coming.
///
/// An identity's alerts belong to one incident while each comes within the gap (seven days)
/// of the one before. The incident's severity is the higher of its risk's and its most
/// severe alert's. The attacker's addresses and sessions are those of the alerts that suggest
/// someone else holds the account (initial access of medium severity or more, anything high
/// or critical) from an address the identity does not habitually use — what to block, revoke
/// and audit. Alerts about no one
/// identity (a spray across the tenant) stay alerts.
public enum IncidentBuilder {
    /// The longest quiet spell within one incident, in milliseconds.
    public static let gap: Int64 = 7 * 86_400_000

    /// The incidents `alerts` make, ordered by tenant, then first alert.
    public static func incidents(from alerts: [Alert]) -> [Incident] {
        var byIdentity: [String: [Alert]] = [:]
        for alert in alerts {
            guard let user = alert.user else { continue }
            byIdentity["\(alert.tenant)|\(user)", default: []].append(alert)
        }
        var incidents: [Incident] = []
        for group in byIdentity.values {
            let sorted = group.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
            var current: [Alert] = []
            for alert in sorted {
                if let last = current.last, alert.time.millisecondsSince1970 - last.time.millisecondsSince1970 > gap {
                    incidents += incident(of: current).map { [$0] } ?? []
                    current = []
                }
                current.append(alert)
            }
            incidents += incident(of: current).map { [$0] } ?? []
        }
        return incidents.sorted { ($0.tenant, $0.firstSeen, $0.id) < ($1.tenant, $1.firstSeen, $1.id) }
    }

    /// One identity's consecutive alerts as an incident; `nil` when they carry no risk worth
    /// an incident (informational only).
    static func incident(of alerts: [Alert], shared: [SharedIndicator] = []) -> Incident? {
        guard let first = alerts.first, let last = alerts.last, let user = first.user else { return nil }
        let risk = RiskModel.score(alerts, shared: shared)
        let strongest = alerts.map(\.severity).max() ?? .informational
        let severity = max(RiskModel.severity(of: risk.value), strongest)
        guard severity > .informational else { return nil }
        let attacking = alerts.filter { Baseline.suggestsCompromise($0) && $0.details[Alert.familiarAddressDetail] == nil }
        return Incident(
            id: Alert.makeID("incident", first.tenant.description, user, first.id), tenant: first.tenant, user: user, severity: severity,
            risk: risk, firstSeen: first.time, lastSeen: last.time, alertIDs: alerts.map(\.id), stages: Set(alerts.map(\.stage)).sorted(),
            attackerIPs: unique(attacking.compactMap(\.ip)), sessions: unique(attacking.flatMap(\.sessions)), sharedIndicators: shared)
    }

    /// The incident rebuilt with indicators it shares with other tenants.
    static func rebuilt(_ incident: Incident, alerts: [Alert], shared: [SharedIndicator]) -> Incident {
        guard var updated = self.incident(of: alerts, shared: shared) else { return incident }
        updated.footprint = incident.footprint
        return updated
    }

    private static func unique<Value: Hashable>(_ values: [Value]) -> [Value] {
        var seen = Set<Value>()
        return values.filter { seen.insert($0).inserted }
    }
}
