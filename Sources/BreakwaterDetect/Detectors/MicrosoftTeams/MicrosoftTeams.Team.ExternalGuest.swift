import BreakwaterModel

/// Someone from outside added to a team: a guest with standing access to its chats and files.
struct TeamExternalGuest: Detector {
    let descriptor = DetectorDescriptor(
        id: "MicrosoftTeams.Team.ExternalGuest", title: "External guest added to a team", category: .teamsExternalGuest, severity: .low,
        stage: .persistence, attack: [.cloudAccount, .transferToCloudAccount],
        explanation: """
            An attacker who holds an account can add an outside address it controls to a team as a guest: the guest keeps \
            reading the team's conversations and files after the password is reset and the sessions are revoked. A \
            MemberAdded record adding a member outside the tenant's domains (an address in another domain, a guest \
            account #EXT#, or the guest role) is low on its own, since teams work with partners; medium when the \
            identity adds several guests within the hour; high from an address or session already suspected.
            """,
        falsePositives: """
            Owners of project and partner teams invite their counterparts. Adding colleagues is not reported; a partner \
            domain added every week can be suppressed by destination.
            """,
        runbook: """
            Ask the owner whether they know the guest. If not, remove the guest from the team and from the tenant, \
            revoke the owner's sessions and reset the password, then review what the guest opened.
            """,
        thresholds: [distinctGuests, windowMinutes])

    let kinds: Set<ActionKind> = [.teamsMembershipChanged]

    private static let burst = "guests"

    static let distinctGuests = Threshold(
        "distinct_guests", default: 3, "distinct guests (per team) added within the window that make a burst (medium)")
    static let windowMinutes = Threshold("window_minutes", default: 60, "the sliding window, in minutes")

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed, event.operation.caseInsensitiveEquals("MemberAdded") else { return }
        let membership = TeamMembership(event.record)
        let guests = membership.members.compactMap { member -> String? in
            guard let upn = member.upn, upn != context.user else { return nil }
            return member.isGuestRole || ExternalAddress.isExternal(upn, in: context.configuration) ? ExternalAddress.readable(upn) : nil
        }
        guard !guests.isEmpty else { return }
        let span = context.milliseconds(ofMinutes: Self.windowMinutes)
        var window = EventWindow()
        for guest in guests {
            window = context.addDistinct("\(guest)|\(membership.team)", record: event.id, toWindow: Self.burst, span: span)
        }
        let suspected = context.isSuspected(event)
        let minutes = Int(context.value(of: Self.windowMinutes))

        if !suspected, Double(window.count) >= context.value(of: Self.distinctGuests) {
            if context.isNewInBurst(Self.burst, raising: true, lasting: span) {
                let additions = window.entries.map { $0.key.split(separator: "|", maxSplits: 1).map(String.init) }
                let added = Self.distinct(additions.map { $0.first ?? "" })
                let teams = Self.distinct(additions.map { $0.count > 1 ? $0[1] : "" })
                context.raise(
                    Finding(
                        key: "\(window.entries.first?.record ?? event.id)|burst",
                        summary: "\(context.user) added outside guests to teams \(window.count) times within \(minutes) minutes ("
                            + added.joined(separator: ", ") + " to " + teams.joined(separator: ", ") + ")",
                        evidence: Self.distinct(window.records), severity: .medium,
                        details: [
                            "destination": added.joined(separator: ", "), "team": teams.joined(separator: ", "), "additions": String(window.count),
                        ]))
            }
        }
        let severity: Severity = suspected ? .high : .low
        // Ordinary additions within a reported burst are part of it.
        guard severity > .low || !context.isInBurst(Self.burst) else { return }
        let team = membership.team.isEmpty ? "a team" : "\"\(membership.team)\""
        context.raise(
            Finding(
                key: "\(guests.joined(separator: ","))|\(membership.team)",
                summary: "\(context.user) added \(guests.joined(separator: ", ")) to \(team), from outside the organisation"
                    + (suspected ? "; from an address or session already suspected" : ""),
                evidence: [event.id], severity: severity, details: ["destination": guests.joined(separator: ", "), "team": membership.team]))
    }

    /// `values` without repeats, in order (one record may add several guests; one guest may
    /// join several teams).
    private static func distinct<Value: Hashable>(_ values: [Value]) -> [Value] {
        var seen = Set<Value>()
        return values.filter { seen.insert($0).inserted }
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("a partner added to a project team", .raises(.low)) { timeline in
                timeline.teamMemberAdded("Fabrikam rollout", by: megan, from: .officeGB, members: ["jo.lee@fabrikam.example"])
            },
            DetectorExample("a guest account added to a team", .raises(.low)) { timeline in
                timeline.teamMemberAdded(
                    "Fabrikam rollout", by: megan, from: .officeGB, members: ["jo.lee_fabrikam.example#EXT#@contoso.onmicrosoft.com"])
            },
            DetectorExample("a member recorded with the guest role", .raises(.low)) { timeline in
                timeline.append(
                    operation: "MemberAdded", recordType: 25, workload: "MicrosoftTeams", user: megan, place: .officeGB, result: nil,
                    fields: [
                        ("TeamName", "Suppliers"),
                        ("Members", [["UPN": "pat.kim@contoso.com", "Role": 3, "DisplayName": "Pat Kim (Supplier)"]]),
                    ])
            },
            DetectorExample("three outsiders added to finance teams within the hour", .raises(.medium)) { timeline in
                timeline.at(day: 0, "22:00")
                for (team, guest) in [("Finance", "ops@mailbox.example"), ("Treasury", "ops@mailbox.example"), ("Payroll", "audit@mailbox.example")] {
                    timeline.teamMemberAdded(team, by: megan, from: .homeGB, members: [guest])
                    timeline.advance(minutes: 10)
                }
            },
            DetectorExample("a guest added from the address that just created a hiding inbox rule", .raises(.high)) { timeline in
                timeline.hideMailFromAttacker(megan, from: .hostingNL)
                timeline.teamMemberAdded("Finance", by: megan, from: .hostingNL, members: ["collector@evil.example"])
            },
            DetectorExample("colleagues added to a team", .silent) { timeline in
                timeline.teamMemberAdded("Finance", by: megan, from: .officeGB, members: ["adele.vance@contoso.com", "lee.gu@contoso.com"])
            },
            DetectorExample("someone joining a team themselves", .silent) { timeline in
                timeline.teamMemberAdded("Finance", by: megan, from: .officeGB, members: [megan])
            },
        ]
    }
}
