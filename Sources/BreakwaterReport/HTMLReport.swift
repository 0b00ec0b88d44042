import BreakwaterModel

/// The investigation as one self-contained, printable HTML page: no scripts, no external
/// resources, a Content-Security-Policy that forbids both, and every value taken from the
/// records escaped with ``HTMLText`` (rule names, file names, subjects and user agents are
/// chosen by the attacker).
public enum HTMLReport {
    public static func render(_ report: InvestigationReport) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Breakwater investigation</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>Breakwater investigation</h1>

            """
        html += "<p class=\"lead\">\(e(headline(report)))</p>\n"
        for warning in report.warnings {
            html += "<p class=\"warning\">\(e(warning))</p>\n"
        }
        if report.incidents.isEmpty && report.alerts.isEmpty {
            html += "<p>Nothing suspicious found.</p>\n"
        }
        if !report.incidents.isEmpty {
            html += "<h2>Incidents</h2>\n<table class=\"summary\"><thead><tr><th>Severity</th><th>Identity</th><th>Tenant</th><th>Risk</th><th>From</th><th>To</th></tr></thead><tbody>\n"
            for incident in report.incidents {
                html += "<tr><td>\(badge(incident.severity))</td><td><a href=\"#i-\(e(incident.id))\">\(e(incident.user))</a></td><td>\(e(incident.tenant.description))</td>"
                html += "<td>\(incident.risk.value)</td><td>\(e(TextReport.minute(incident.firstSeen)))</td><td>\(e(TextReport.minute(incident.lastSeen)))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        for incident in report.incidents {
            html += section(incident, alerts: report.alerts(of: incident), report: report)
        }
        let loose = report.unattachedAlerts
        if !loose.isEmpty {
            html += "<h2>Alerts outside incidents</h2>\n" + alertTable(loose, report: report)
        }
        html += "</body>\n</html>\n"
        return html
    }

    private static func headline(_ report: InvestigationReport) -> String {
        let period = report.period.map { " from \(TextReport.minute($0.lowerBound)) to \(TextReport.minute($0.upperBound)) UTC" } ?? ""
        return "\(report.recordCount) records of \(report.tenants.count) tenant\(report.tenants.count == 1 ? "" : "s")\(period): "
            + "\(report.incidents.count) incident\(report.incidents.count == 1 ? "" : "s"), \(report.alerts.count) alert\(report.alerts.count == 1 ? "" : "s")."
    }

    private static func section(_ incident: Incident, alerts: [Alert], report: InvestigationReport) -> String {
        var html = "<section class=\"incident\" id=\"i-\(e(incident.id))\">\n"
        html += "<h2>\(badge(incident.severity)) \(e(incident.user))</h2>\n<dl>\n"
        html += "<dt>Tenant</dt><dd>\(e(incident.tenant.description))</dd>\n"
        html += "<dt>When</dt><dd>\(e(TextReport.minute(incident.firstSeen))) to \(e(TextReport.minute(incident.lastSeen))) UTC</dd>\n"
        html += "<dt>Risk</dt><dd>\(incident.risk.value) / 100</dd>\n"
        html += "<dt>Stages</dt><dd>\(e(incident.stages.map(\.rawValue).joined(separator: ", ")))</dd>\n"
        if !incident.attackerIPs.isEmpty {
            html += "<dt>Attacker addresses</dt><dd>\(e(incident.attackerIPs.map(String.init(describing:)).joined(separator: ", ")))</dd>\n"
        }
        for indicator in incident.sharedIndicators {
            html += "<dt>Also in other tenants</dt><dd>\(e(indicator.kind.rawValue)) \(e(indicator.value)) (\(indicator.tenants.count) tenants)</dd>\n"
        }
        html += "</dl>\n<h3>What happened</h3>\n" + alertTable(alerts, report: report)
        html += "<h3>Why it is rated \(e(incident.severity.rawValue))</h3>\n<table><tbody>\n"
        for contribution in incident.risk.contributions {
            html += "<tr><td class=\"num\">+\(contribution.weight)</td><td>\(e(contribution.signal))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        if InvestigationReport.warrantsContainment(incident) {
            html += "<h3>What to do now</h3>\n<ol class=\"checklist\">\n"
            for step in ResponseChecklist(incident: incident, alerts: alerts).steps {
                html += "<li><strong>\(e(step.title))</strong><ul>\n"
                for item in step.items {
                    html += "<li>\(e(item))</li>\n"
                }
                html += "</ul></li>\n"
            }
            html += "</ol>\n"
        } else {
            html += "<h3>What to check</h3>\n<ul>\n"
            for check in ResponseChecklist.checks(for: alerts, runbooks: report.runbooks) {
                html += "<li>\(e(check))</li>\n"
            }
            html += "</ul>\n"
        }
        html += "</section>\n"
        return html
    }

    private static func alertTable(_ alerts: [Alert], report: InvestigationReport) -> String {
        var html = "<table class=\"alerts\"><thead><tr><th>Time (UTC)</th><th>Severity</th><th>What</th><th>Address</th><th>Summary</th></tr></thead><tbody>\n"
        for alert in alerts {
            let title = report.titles[alert.detector] ?? alert.category.rawValue
            html += "<tr><td>\(e(TextReport.minute(alert.time)))</td><td>\(badge(alert.severity))</td>"
            html += "<td>\(e(title))<br><small>\(e(alert.detector.rawValue)) · \(e(alert.attack.map(\.description).joined(separator: ", ")))</small></td>"
            html += "<td>\(e(alert.ip?.description ?? ""))</td><td>\(e(alert.summary))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private static func badge(_ severity: Severity) -> String {
        "<span class=\"sev sev-\(severity.rawValue)\">\(severity.rawValue)</span>"
    }

    private static func e(_ text: String) -> String {
        HTMLText.escaped(text)
    }

    private static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;max-width:1100px;margin:2em auto;padding:0 1em}
        h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
        .lead{color:#57606a}.warning{background:#fff8c5;border:1px solid #d4a72c;padding:.4em .6em}
        table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap;width:4em}small{color:#57606a}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
        td{overflow-wrap:anywhere}.sev{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.85em;font-weight:600;text-transform:uppercase}
        .sev-critical{background:#8b0000;color:#fff}.sev-high{background:#cf222e;color:#fff}.sev-medium{background:#bf8700;color:#fff}
        .sev-low{background:#0969da;color:#fff}.sev-informational{background:#d0d7de}
        .checklist>li{margin-bottom:.6em}.incident{break-before:page}
        @media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}.incident{break-before:page}}
        """
}
