import Foundation
import BreakwaterModel

/// The investigation as a story for a terminal: each incident with its timeline, why it is
/// rated as it is, and the four-step checklist; then the alerts that belong to no incident.
///
/// Everything taken from records is passed through ``TerminalText`` so that a crafted rule
/// name or user agent cannot move the cursor or rewrite what the operator reads.
public enum TextReport {
    public static func render(_ report: InvestigationReport) -> String {
        var out: [String] = []
        out.append(headline(report))
        for warning in report.warnings {
            out.append("warning: \(clean(warning))")
        }
        if report.incidents.isEmpty && report.alerts.isEmpty {
            out.append("")
            out.append("Nothing suspicious found.")
        }
        for incident in report.incidents {
            out.append("")
            out += story(incident, alerts: report.alerts(of: incident), report: report)
        }
        let loose = report.unattachedAlerts
        if !loose.isEmpty {
            out.append("")
            out.append("Alerts outside incidents")
            for alert in loose {
                out.append("  \(line(alert, report: report, withDate: true))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func headline(_ report: InvestigationReport) -> String {
        let period = report.period.map { " from \(minute($0.lowerBound)) to \(minute($0.upperBound)) UTC" } ?? ""
        let tenants = "\(report.tenants.count) tenant\(report.tenants.count == 1 ? "" : "s")"
        var text = "Breakwater investigation: \(report.recordCount) records of \(tenants)\(period)\n"
        let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = report.incidents.filter { $0.severity == severity }.count
            return count > 0 ? "\(count) \(severity)" : nil
        }
        text += "\(report.incidents.count) incident\(report.incidents.count == 1 ? "" : "s")"
        if !bySeverity.isEmpty { text += " (\(bySeverity.joined(separator: ", ")))" }
        text += ", \(report.alerts.count) alert\(report.alerts.count == 1 ? "" : "s")"
        return text
    }

    private static func story(_ incident: Incident, alerts: [Alert], report: InvestigationReport) -> [String] {
        var out: [String] = []
        out.append(
            "== \(incident.severity.rawValue.uppercased()) incident: \(clean(incident.user)), tenant \(incident.tenant), risk \(incident.risk.value)/100")
        out.append("   \(minute(incident.firstSeen)) to \(minute(incident.lastSeen)) UTC; stages: \(incident.stages.map(\.rawValue).joined(separator: ", "))")
        if !incident.attackerIPs.isEmpty {
            out.append("   Attacker addresses: \(incident.attackerIPs.map(String.init(describing:)).joined(separator: ", "))")
        }
        for indicator in incident.sharedIndicators {
            out.append("   Also seen in other tenants: \(indicator.kind.rawValue) \(clean(indicator.value)) (\(indicator.tenants.count) tenants)")
        }
        out.append("")
        out.append("   What happened")
        for alert in alerts {
            out.append("     \(line(alert, report: report, withDate: true))")
        }
        out.append("")
        out.append("   Why it is rated \(incident.severity.rawValue) (risk \(incident.risk.value))")
        for contribution in incident.risk.contributions {
            out.append("     +\(contribution.weight)  \(clean(contribution.signal))")
        }
        out.append("")
        if InvestigationReport.warrantsContainment(incident) {
            out.append("   What to do now")
            for (number, step) in ResponseChecklist(incident: incident, alerts: alerts).steps.enumerated() {
                out.append("     \(number + 1). \(clean(step.title))")
                for item in step.items {
                    out.append("        - \(clean(item))")
                }
            }
        } else {
            out.append("   What to check")
            for check in ResponseChecklist.checks(for: alerts, runbooks: report.runbooks) {
                out.append("     - \(clean(check))")
            }
        }
        return out
    }

    private static func line(_ alert: Alert, report: InvestigationReport, withDate: Bool) -> String {
        let time = withDate ? minute(alert.time) : String(minute(alert.time).suffix(5))
        let severity = alert.severity.rawValue.uppercased().padding(toLength: 13, withPad: " ", startingAt: 0)
        return "\(time)  \(severity) \(alert.category.rawValue): \(clean(alert.summary))"
    }

    /// `2026-11-16 10:02`.
    static func minute(_ time: Timestamp) -> String {
        let iso = time.iso8601
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    private static func clean(_ text: String) -> String {
        TerminalText.sanitized(text)
    }
}
