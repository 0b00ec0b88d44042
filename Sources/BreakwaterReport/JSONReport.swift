import BreakwaterModel
import Foundation

/// The investigation as one JSON object, `{"incidents": […], "alerts": […]}`, for scripts
/// and SIEMs. Keys are sorted and times are ISO 8601 UTC, so the output is stable.
///
/// Every alert carries at least `id`, `detector`, `category`, `severity`, `tenant`, `user`,
/// `time`, `ip`, `evidence` (record ids), `attack` (ATT&CK technique ids) and `summary`.
public enum JSONReport {
    public static func render(_ report: InvestigationReport) throws -> String {
        let document = Document(
            records: report.recordCount, tenants: report.tenants, warnings: report.warnings,
            incidents: report.incidents.map { IncidentJSON($0, alerts: report.alerts(of: $0)) },
            alerts: report.alerts.map { AlertJSON($0, title: report.titles[$0.detector]) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var records: Int
        var tenants: [TenantID]
        var warnings: [String]
        var incidents: [IncidentJSON]
        var alerts: [AlertJSON]
    }

    private struct AlertJSON: Encodable {
        var id: String
        var detector: String
        var title: String?
        var category: String
        var severity: String
        var tenant: TenantID
        var user: String?
        var time: Timestamp
        var ip: String?
        var evidence: [RecordID]
        var attack: [String]
        var tactics: [String]
        var stage: String
        var summary: String
        var details: [String: String]
        var sessions: [String]

        init(_ alert: Alert, title: String?) {
            id = alert.id
            detector = alert.detector.rawValue
            self.title = title
            category = alert.category.rawValue
            severity = alert.severity.rawValue
            tenant = alert.tenant
            user = alert.user
            time = alert.time
            ip = alert.ip?.description
            evidence = alert.evidence
            attack = alert.attack.map(\.technique)
            tactics = Array(Set(alert.attack.map(\.tactic))).sorted()
            stage = alert.stage.rawValue
            summary = alert.summary
            details = alert.details
            sessions = alert.sessions
        }

        func encode(to encoder: any Encoder) throws {
            // `user` and `ip` are written even when absent, as null: every alert has the keys.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(detector, forKey: .detector)
            try container.encodeIfPresent(title, forKey: .title)
            try container.encode(category, forKey: .category)
            try container.encode(severity, forKey: .severity)
            try container.encode(tenant, forKey: .tenant)
            try container.encode(user, forKey: .user)
            try container.encode(time, forKey: .time)
            try container.encode(ip, forKey: .ip)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(attack, forKey: .attack)
            try container.encode(tactics, forKey: .tactics)
            try container.encode(stage, forKey: .stage)
            try container.encode(summary, forKey: .summary)
            try container.encode(details, forKey: .details)
            try container.encode(sessions, forKey: .sessions)
        }

        private enum CodingKeys: String, CodingKey {
            case id, detector, title, category, severity, tenant, user, time, ip, evidence, attack, tactics, stage, summary, details, sessions
        }
    }

    private struct IncidentJSON: Encodable {
        var id: String
        var tenant: TenantID
        var user: String
        var severity: String
        var risk: RiskScore
        var firstSeen: Timestamp
        var lastSeen: Timestamp
        var alerts: [String]
        var stages: [String]
        var attackerIPs: [String]
        var sessions: [String]
        var sharedIndicators: [SharedIndicator]
        var footprint: Footprint?
        var checklist: [ChecklistStep]

        init(_ incident: Incident, alerts: [Alert]) {
            id = incident.id
            tenant = incident.tenant
            user = incident.user
            severity = incident.severity.rawValue
            risk = incident.risk
            firstSeen = incident.firstSeen
            lastSeen = incident.lastSeen
            self.alerts = incident.alertIDs
            stages = incident.stages.map(\.rawValue)
            attackerIPs = incident.attackerIPs.map(\.description)
            sessions = incident.sessions
            sharedIndicators = incident.sharedIndicators
            footprint = incident.footprint
            checklist = ResponseChecklist(incident: incident, alerts: alerts).steps.map { ChecklistStep(title: $0.title, items: $0.items) }
        }

        private enum CodingKeys: String, CodingKey {
            case id, tenant, user, severity, risk, alerts, stages, sessions, footprint, checklist
            case firstSeen = "first_seen"
            case lastSeen = "last_seen"
            case attackerIPs = "attacker_ips"
            case sharedIndicators = "shared_indicators"
        }
    }

    private struct ChecklistStep: Encodable {
        var title: String
        var items: [String]
    }
}
