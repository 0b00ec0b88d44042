import BreakwaterDetect
import BreakwaterEnrich
import BreakwaterModel
import BreakwaterReport
import BreakwaterStore

/// Runs detection over an archive's events in event-time order, gathers the alerts into
/// incidents, works out what each attacker touched, and links incidents across tenants.
///
/// Events stream oldest first a page at a time, the next page read while the current one is
/// examined, so memory follows the number of identities, not of records.
struct Investigation {
    let store: any Store
    let scope: TenantScope
    var since: Timestamp?
    var until: Timestamp?
    let configuration: DetectionConfiguration
    let enricher: Enricher
    /// Events per page read from the archive.
    var pageSize = 4096

    /// What was examined, for the report's headline.
    struct Coverage {
        var records = 0
        var tenants = Set<TenantID>()
        var first: Timestamp?
        var last: Timestamp?
    }

    /// Examines every event in scope and returns the report, with `warnings` included.
    func run(warnings: [String]) async throws -> InvestigationReport {
        // The archive hands events over in order already: nothing needs holding back.
        var engine = DetectionEngine(configuration: configuration, state: DetectionState(lateness: .zero))
        var alerts: [Alert] = []
        var coverage = Coverage()
        let query = EventQuery(scope: scope, since: since, until: until, order: .oldestFirst)
        var page = try await store.events(matching: query, after: nil, limit: pageSize)
        while true {
            let cursor = page.next
            async let upcoming = nextPage(of: query, after: cursor)
            var events = page.events
            enricher.enrich(&events)
            note(events, in: &coverage)
            alerts += engine.process(events)
            guard let next = try await upcoming else { break }
            page = next
        }
        alerts += engine.flush()

        var incidents = IncidentBuilder.incidents(from: alerts)
        let footprints = try await footprints(of: incidents)
        for index in incidents.indices {
            incidents[index].footprint = footprints[index]
        }
        incidents = SharedIndicators.link(incidents, alerts: alerts)
        let period = coverage.first.flatMap { first in coverage.last.map { first...$0 } }
        return InvestigationReport(
            incidents: incidents, alerts: alerts, recordCount: coverage.records, tenants: coverage.tenants.sorted(), period: period,
            warnings: warnings)
    }

    /// The page after `cursor`; `nil` when there is no cursor (no more pages).
    private func nextPage(of query: EventQuery, after cursor: EventCursor?) async throws -> EventPage? {
        guard let cursor else { return nil }
        return try await store.events(matching: query, after: cursor, limit: pageSize)
    }

    private func note(_ events: [Event], in coverage: inout Coverage) {
        coverage.records += events.count
        for event in events {
            coverage.tenants.insert(event.tenant)
        }
        if coverage.first == nil { coverage.first = events.first?.time }
        if let last = events.last?.time { coverage.last = last }
    }

    /// For each incident, everything its identity did from the attacker's addresses and
    /// sessions, from an hour before the incident to the end of the investigated period.
    ///
    /// One pass over the period serves every incident: a query per incident would read the
    /// busy tenant's whole archive once for each. Incidents without an attacker's address or
    /// session (only low alerts) have nothing to follow and are left out of the pass.
    private func footprints(of incidents: [Incident]) async throws -> [Footprint] {
        var builders = incidents.map { FootprintBuilder(incident: $0) }
        let followed = incidents.indices.filter { !incidents[$0].attackerIPs.isEmpty || !incidents[$0].sessions.isEmpty }
        let starts = incidents.map { $0.firstSeen.adding(milliseconds: -3_600_000) }
        guard let earliest = followed.map({ starts[$0] }).min() else { return builders.map(\.footprint) }
        var incidentsByIdentity: [TenantID: [String: [Int]]] = [:]
        for index in followed {
            incidentsByIdentity[incidents[index].tenant, default: [:]][incidents[index].user, default: []].append(index)
        }
        let query = EventQuery(
            scope: .only(Set(followed.map { incidents[$0].tenant })), since: earliest, until: until, order: .oldestFirst)
        var cursor: EventCursor?
        repeat {
            let page = try await store.events(matching: query, after: cursor, limit: pageSize)
            for event in page.events {
                guard let byUser = incidentsByIdentity[event.tenant] else { continue }
                var indices = event.actor.flatMap { byUser[$0] } ?? []
                if let owner = event.mailboxOwner, owner != event.actor, let others = byUser[owner] { indices += others }
                for index in indices where event.time >= starts[index] {
                    builders[index].add(event)
                }
            }
            cursor = page.next
        } while cursor != nil
        return builders.map(\.footprint)
    }
}
