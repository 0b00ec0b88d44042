public import BreakwaterModel

/// How an incident's risk is scored: every contribution named with its weight, so that the
/// number explains itself.
///
/// Each alert adds the weight of its severity; further alerts from the same detector add a
/// quarter each, at most one more full weight (ten impossible-travel alerts are not ten times
/// the evidence). An attack that got past initial access adds more: medium or worse alerts
/// both getting in and acting (persistence, collection, exfiltration, impact) add 10, three or
/// more stages add 10 more. Indicators shared with other tenants add 15 each kind. The total
/// is capped at 100.
public enum RiskModel {
    /// The weight of one alert of `severity`.
    public static func weight(of severity: Severity) -> Int {
        switch severity {
        case .informational: 2
        case .low: 8
        case .medium: 18
        case .high: 30
        case .critical: 40
        }
    }

    /// What a shared indicator of one kind adds.
    public static let sharedIndicatorWeight = 15

    /// The risk of a set of alerts (oldest first), with its reasons.
    public static func score(_ alerts: [Alert], shared: [SharedIndicator] = []) -> RiskScore {
        var contributions: [RiskContribution] = []
        var byDetector: [DetectorID: [Alert]] = [:]
        var order: [DetectorID] = []
        for alert in alerts {
            if byDetector[alert.detector] == nil { order.append(alert.detector) }
            byDetector[alert.detector, default: []].append(alert)
        }
        for detector in order {
            let detectorAlerts = byDetector[detector]!
            let strongest = detectorAlerts.max { $0.severity < $1.severity }!
            let full = weight(of: strongest.severity)
            let repeats = detectorAlerts.dropFirst().reduce(0) { $0 + weight(of: $1.severity) / 4 }
            let count = detectorAlerts.count
            contributions.append(
                RiskContribution(
                    signal: "\(strongest.category) (\(strongest.severity))\(count > 1 ? " ×\(count)" : ""): \(strongest.summary)",
                    weight: full + min(repeats, full)))
        }
        let stages = Set(alerts.filter { $0.severity >= .medium }.map(\.stage))
        if stages.contains(.initialAccess), stages.count >= 2 {
            let acted = stages.subtracting([.initialAccess]).sorted().map(\.rawValue).joined(separator: ", ")
            contributions.append(RiskContribution(signal: "initial access followed by \(acted)", weight: 10))
        }
        if stages.count >= 3 {
            contributions.append(RiskContribution(signal: "the attack spans \(stages.count) stages", weight: 10))
        }
        for indicator in shared {
            contributions.append(
                RiskContribution(
                    signal: "\(indicator.kind.rawValue) \(indicator.value) also seen in \(indicator.tenants.count - 1) other tenant\(indicator.tenants.count == 2 ? "" : "s")",
                    weight: sharedIndicatorWeight))
        }
        return RiskScore(value: min(100, contributions.reduce(0) { $0 + $1.weight }), contributions: contributions)
    }

    /// The severity a risk value maps to.
    public static func severity(of risk: Int) -> Severity {
        switch risk {
        case 75...: .critical
        case 50..<75: .high
        case 30..<50: .medium
        case 10..<30: .low
        default: .informational
        }
    }
}
