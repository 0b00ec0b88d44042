import BreakwaterModel

/// "Anyone" links: a file or folder anyone holding the link can open without signing in.
struct SharingAnonymousLink: Detector {
    let descriptor = DetectorDescriptor(
        id: "SharePoint.Sharing.AnonymousLink", title: "Anyone link created", category: .anonymousLink, severity: .low,
        stage: .exfiltration, attack: [.exfiltrationOverWebService],
        explanation: """
            An "Anyone" link (AnonymousLinkCreated, AnonymousLinkUpdated) opens an item to whoever holds the URL, with no \
            sign-in and no trace of who used it: the quietest way for an attacker to take files out, or to host a lure \
            on the organisation's own domain. Links for people in the organisation or specific people \
            (CompanyLinkCreated, SecureLinkCreated) are not reported. An Anyone link is low on its own; medium when it \
            allows editing, when the item's name says it is sensitive, or when the identity creates several within the \
            hour; high from an address or session already suspected.
            """,
        falsePositives: """
            Tenants that allow Anyone links see them for event registrations, public brochures and files sent to \
            clients without accounts. Editing links on sensitive files are rarely legitimate.
            """,
        runbook: """
            Ask the user why the link exists. If they did not make it, delete the link (item → Manage access), check the \
            item's AnonymousLinkUsed records for who fetched it, and revoke the user's sessions. Consider limiting \
            Anyone links to view-only with an expiry in the SharePoint admin centre.
            """,
        thresholds: [distinctLinks, windowMinutes])

    let kinds: Set<ActionKind> = [.linkCreated]

    private static let burst = "links"
    private static let anyoneOperations = ["AnonymousLinkCreated", "AnonymousLinkUpdated"]

    static let distinctLinks = Threshold(
        "distinct_links", default: 5, "distinct items given an Anyone link within the window that make a burst (medium)")
    static let windowMinutes = Threshold("window_minutes", default: 60, "the sliding window, in minutes")

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed, Self.anyoneOperations.contains(where: event.operation.caseInsensitiveEquals) else { return }
        let link = SharingRecord(event.record)
        let span = context.milliseconds(ofMinutes: Self.windowMinutes)
        let window = context.addDistinct(link.item, record: event.id, toWindow: Self.burst, span: span)
        let suspected = context.isSuspected(event)
        let sensitive = SensitiveFileNames.found(in: link.fileName)
        let edit = link.allowsEditing

        if !suspected, Double(window.count) >= context.value(of: Self.distinctLinks) {
            if context.isNewInBurst(Self.burst, raising: true, lasting: span) {
                let items = window.entries.map(\.key)
                context.raise(
                    Finding(
                        key: "\(window.entries.first?.record ?? event.id)|burst",
                        summary: "\(context.user) created Anyone links to \(window.count) items within "
                            + "\(Int(context.value(of: Self.windowMinutes))) minutes (\(FileNames.examples(items)))",
                        evidence: window.records, severity: .medium,
                        details: ["file": FileNames.examples(items, limit: 5), "links": String(window.count)]))
            }
        }
        let severity: Severity = suspected ? .high : (edit || !sensitive.isEmpty) ? .medium : .low
        // Ordinary links within a reported burst are part of it.
        guard severity > .low || !context.isInBurst(Self.burst) else { return }
        var reasons: [String] = []
        if edit { reasons.append("anyone with the link can edit") }
        if !sensitive.isEmpty { reasons.append("its name suggests \(sensitive.prefix(3).joined(separator: ", "))") }
        if suspected { reasons.append("from an address or session already suspected") }
        context.raise(
            Finding(
                key: "\(link.item)|\(edit ? "edit" : "view")",
                summary: "\(context.user) created an Anyone link to \"\(link.fileName)\""
                    + (reasons.isEmpty ? "" : "; " + reasons.joined(separator: "; ")),
                evidence: [event.id], severity: severity, details: ["file": link.fileName, "access": edit ? "edit" : "view"]))
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("a view link to an event agenda", .raises(.low)) { timeline in
                Self.link("AnonymousLinkCreated", by: megan, from: .officeGB, file: "Offsite agenda.docx", access: "View", in: &timeline)
            },
            DetectorExample("a link anyone can edit", .raises(.medium)) { timeline in
                Self.link("AnonymousLinkUpdated", by: megan, from: .officeGB, file: "Supplier list.xlsx", access: "Edit", in: &timeline)
            },
            DetectorExample("a view link to a passport scan", .raises(.medium)) { timeline in
                Self.link("AnonymousLinkCreated", by: megan, from: .homeGB, file: "Passport scan.pdf", access: "View", in: &timeline)
            },
            DetectorExample("six Anyone links within the hour", .raises(.medium)) { timeline in
                timeline.at(day: 0, "10:00")
                for index in 1...6 {
                    Self.link("AnonymousLinkCreated", by: megan, from: .homeGB, file: "Drawing \(index).pdf", access: "View", in: &timeline)
                    timeline.advance(minutes: 5)
                }
            },
            DetectorExample("a link made from the address that just created a hiding inbox rule", .raises(.high)) { timeline in
                timeline.hideMailFromAttacker(megan, from: .hostingNL)
                Self.link("AnonymousLinkCreated", by: megan, from: .hostingNL, file: "Roadmap.pptx", access: "View", in: &timeline)
            },
            DetectorExample("a link for people in the organisation", .silent) { timeline in
                timeline.sharing("CompanyLinkCreated", by: megan, from: .officeGB, file: "/sites/HR/Shared Documents/Payroll 2026.xlsx")
            },
            DetectorExample("a link for specific people", .silent) { timeline in
                timeline.sharing("SecureLinkCreated", by: megan, from: .officeGB, file: "/sites/HR/Shared Documents/Passport scan.pdf")
            },
        ]
    }

    /// A link record as SharePoint writes it: the item, and the link's access in `EventData`.
    private static func link(
        _ operation: String, by user: String, from place: ExamplePlace, file: String, access: String, in timeline: inout ExampleTimeline
    ) {
        timeline.append(
            operation: operation, recordType: 14, workload: "SharePoint", user: user, place: place, result: nil,
            fields: [
                ("ObjectId", .string("https://contoso.sharepoint.com/sites/Projects/Shared Documents/\(file)")), ("ItemType", "File"),
                ("EventData", .string("<Type>\(access)</Type><MembersCanShare>True</MembersCanShare>")),
            ])
    }
}
