import BreakwaterModel

/// One identity joining several teams within the hour: someone touring what the organisation
/// discusses.
struct TeamJoinBurst: Detector {
    let descriptor = DetectorDescriptor(
        id: "MicrosoftTeams.Team.JoinBurst", title: "Joined many teams", category: .teamsJoinBurst, severity: .medium,
        stage: .collection, attack: [.dataFromInformationRepositories],
        explanation: """
            Public teams can be joined by anyone in the tenant, and their channels and files hold what an attacker wants \
            for the next fraud: who pays suppliers, which deals are closing, what the finance team says. A MemberAdded \
            record whose actor is the member added is someone joining a team; joining several distinct teams within the \
            hour is medium, and high from an address or session already suspected. One or two joins, and owners adding \
            other people, are ordinary.
            """,
        falsePositives: """
            New starters joining their department's teams on their first day, and people exploring after a reorganisation. \
            Check whether the joins match the person's role.
            """,
        runbook: """
            Ask the user whether they joined these teams. If not, remove the memberships, revoke sessions and reset the \
            password, then review what the session read in those teams (messages and files) for what was exposed.
            """,
        thresholds: [distinctTeams, windowMinutes])

    let kinds: Set<ActionKind> = [.teamsMembershipChanged]

    private static let burst = "joins"

    static let distinctTeams = Threshold("distinct_teams", default: 3, "distinct teams joined within the window that make a burst")
    static let windowMinutes = Threshold("window_minutes", default: 60, "the sliding window, in minutes")

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed, event.operation.caseInsensitiveEquals("MemberAdded") else { return }
        let membership = TeamMembership(event.record)
        guard !membership.team.isEmpty, membership.members.contains(where: { $0.upn == context.user }) else { return }
        let span = context.milliseconds(ofMinutes: Self.windowMinutes)
        let window = context.addDistinct(membership.team, record: event.id, toWindow: Self.burst, span: span)
        guard Double(window.count) >= context.value(of: Self.distinctTeams) else { return }
        let suspected = context.isSuspected(event)
        let severity: Severity = suspected ? .high : .medium
        guard context.isNewInBurst(Self.burst, raising: true, lasting: span) else { return }

        let teams = window.entries.map(\.key)
        context.raise(
            Finding(
                key: "\(window.entries.first?.record ?? event.id)",
                summary: "\(context.user) joined \(teams.count) teams within \(Int(context.value(of: Self.windowMinutes))) minutes ("
                    + teams.prefix(5).joined(separator: ", ") + ")" + (suspected ? ", from an address or session already suspected" : ""),
                evidence: window.records, severity: severity, details: ["teams": teams.joined(separator: ", "), "count": String(teams.count)]))
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("four teams joined within half an hour", .raises(.medium)) { timeline in
                timeline.at(day: 0, "13:00")
                for team in ["Finance", "Accounts Payable", "Mergers", "Executive Assistants"] {
                    timeline.teamMemberAdded(team, by: megan, from: .homeGB, members: [megan])
                    timeline.advance(minutes: 8)
                }
            },
            DetectorExample("teams joined from the address that just created a hiding inbox rule", .raises(.high)) { timeline in
                timeline.hideMailFromAttacker(megan, from: .hostingNL)
                for team in ["Finance", "Treasury", "Payroll"] {
                    timeline.teamMemberAdded(team, by: "Megan.Bowen@contoso.com", from: .hostingNL, members: ["MEGAN.BOWEN@contoso.com"])
                    timeline.advance(minutes: 2)
                }
            },
            DetectorExample("two teams joined", .silent) { timeline in
                timeline.at(day: 0, "13:00")
                for team in ["Marketing", "Social Club"] {
                    timeline.teamMemberAdded(team, by: megan, from: .homeGB, members: [megan])
                    timeline.advance(minutes: 5)
                }
            },
            DetectorExample("an owner adding colleagues to four teams", .silent) { timeline in
                timeline.at(day: 0, "09:00")
                for team in ["Project Alpha", "Project Beta", "Project Gamma", "Project Delta"] {
                    timeline.teamMemberAdded(team, by: megan, from: .officeGB, members: ["adele.vance@contoso.com", "lee.gu@contoso.com"])
                }
            },
            DetectorExample("the same team joined again and again", .silent) { timeline in
                timeline.at(day: 0, "09:00")
                for _ in 0..<4 {
                    timeline.teamMemberAdded("Finance", by: megan, from: .officeGB, members: [megan])
                    timeline.advance(minutes: 5)
                }
            },
        ]
    }
}
