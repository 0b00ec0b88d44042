public import BreakwaterModel
import Foundation

/// Links incidents of different tenants that share an attacker trait — the same address,
/// the same hosting network and client, the same forwarding destination, the same OAuth
/// application — and raises each one's risk: one campaign against several customers is worth
/// knowing about in every one of them.
public enum SharedIndicators {
    /// `incidents` with their shared indicators filled in and their risk and severity
    /// updated; `alerts` are every incident's alerts.
    public static func link(_ incidents: [Incident], alerts: [Alert]) -> [Incident] {
        let alertsByID = Dictionary(alerts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let traits = incidents.map { incident in
            indicators(of: incident, alerts: incident.alertIDs.compactMap { alertsByID[$0] })
        }
        var tenantsByIndicator: [Indicator: Set<TenantID>] = [:]
        for (incident, found) in zip(incidents, traits) {
            for indicator in found { tenantsByIndicator[indicator, default: []].insert(incident.tenant) }
        }
        return zip(incidents, traits).map { incident, found in
            let shared = found.compactMap { indicator -> SharedIndicator? in
                guard let tenants = tenantsByIndicator[indicator], tenants.count > 1 else { return nil }
                return SharedIndicator(kind: indicator.kind, value: indicator.value, tenants: tenants.sorted())
            }.sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
            guard !shared.isEmpty else { return incident }
            return IncidentBuilder.rebuilt(incident, alerts: incident.alertIDs.compactMap { alertsByID[$0] }, shared: shared)
        }
    }

    private struct Indicator: Hashable {
        var kind: SharedIndicator.Kind
        var value: String
    }

    /// The traits of an incident another tenant's incident could share.
    private static func indicators(of incident: Incident, alerts: [Alert]) -> Set<Indicator> {
        var found = Set<Indicator>()
        for address in incident.attackerIPs {
            found.insert(Indicator(kind: .address, value: address.description))
        }
        for alert in alerts where alert.severity >= .medium {
            if alert.details["hosting"] == "true", let asn = alert.details["asn"], let client = alert.details["client"] {
                found.insert(Indicator(kind: .networkAndClient, value: "AS\(asn) \(client)"))
            }
            if let destination = alert.details["destination"] {
                for address in destination.split(separator: ",") {
                    found.insert(Indicator(kind: .forwardingDestination, value: address.trimmingCharacters(in: .whitespaces).lowercased()))
                }
            }
            if let application = alert.details["application"] {
                found.insert(Indicator(kind: .oauthApplication, value: application))
            }
        }
        return found
    }
}
