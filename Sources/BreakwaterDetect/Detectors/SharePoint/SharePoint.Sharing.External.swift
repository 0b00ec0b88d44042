import BreakwaterModel

/// Files and folders shared with people outside the organisation: how data leaves without a
/// download.
struct SharingExternal: Detector {
    let descriptor = DetectorDescriptor(
        id: "SharePoint.Sharing.External", title: "File shared outside the organisation", category: .externalSharing, severity: .low,
        stage: .exfiltration, attack: [.transferToCloudAccount],
        explanation: """
            An attacker in an account can share what it reaches with an outside address it controls, and read it at \
            leisure long after the password is reset. Sharing invitations and grants (SharingInvitationCreated, \
            SharingSet, AddedToSecureLink, AccessInvitationCreated) to a target outside the tenant's domains — an \
            address in another domain, a guest account (#EXT#) or a target of type Guest — are reported: low on their \
            own, since working with clients is normal; medium when the file's name says it is sensitive (payroll, \
            passport, bank, tax, passwords, HR …) or when the identity shares many items outside within the hour; high \
            from an address or session already suspected.
            """,
        falsePositives: """
            Project work with clients, suppliers and partners. Sharing with colleagues and internal groups is not \
            reported; a partner domain shared with every day can be suppressed by destination.
            """,
        runbook: """
            Ask the user whether they know the recipient. If not, remove the sharing (item → Manage access), block the \
            guest, revoke the user's sessions and reset the password, and check what the recipient already opened \
            (SharingInvitationAccepted, FileAccessed by the guest).
            """,
        thresholds: [distinctShares, windowMinutes])

    let kinds: Set<ActionKind> = [.sharingGranted]

    private static let burst = "shares"

    static let distinctShares = Threshold(
        "distinct_shares", default: 10, "distinct items and recipients shared outside within the window that make a burst (medium)")
    static let windowMinutes = Threshold("window_minutes", default: 60, "the sliding window, in minutes")

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let sharing = SharingRecord(event.record)
        guard let target = sharing.target,
            sharing.targetIsGuest || ExternalAddress.isExternal(target, in: context.configuration)
        else { return }
        let destination = ExternalAddress.readable(target)
        let span = context.milliseconds(ofMinutes: Self.windowMinutes)
        let window = context.addDistinct("\(destination)|\(sharing.item)", record: event.id, toWindow: Self.burst, span: span)
        let suspected = context.isSuspected(event)
        let sensitive = SensitiveFileNames.found(in: sharing.fileName)

        if !suspected, Double(window.count) >= context.value(of: Self.distinctShares) {
            if context.isNewInBurst(Self.burst, raising: true, lasting: span) {
                let destinations = Self.destinations(in: window)
                let files = window.entries.map { Self.item(ofKey: $0.key) }
                context.raise(
                    Finding(
                        key: "\(window.entries.first?.record ?? event.id)|burst",
                        summary: "\(context.user) shared \(window.count) items outside the organisation within "
                            + "\(Int(context.value(of: Self.windowMinutes))) minutes, with \(destinations.joined(separator: ", "))",
                        evidence: window.records, severity: .medium,
                        details: [
                            "destination": destinations.joined(separator: ", "), "file": FileNames.examples(files, limit: 5),
                            "shares": String(window.count),
                        ]))
            }
        }
        let severity: Severity = suspected ? .high : sensitive.isEmpty ? .low : .medium
        // Ordinary shares within a reported burst are part of it.
        guard severity > .low || !context.isInBurst(Self.burst) else { return }
        var reasons: [String] = []
        if !sensitive.isEmpty { reasons.append("its name suggests \(sensitive.prefix(3).joined(separator: ", "))") }
        if suspected { reasons.append("from an address or session already suspected") }
        var details = ["destination": destination, "file": sharing.fileName]
        if let type = sharing.targetType { details["target_type"] = type }
        context.raise(
            Finding(
                key: "\(destination)|\(sharing.item)",
                summary: "\(context.user) shared \"\(sharing.fileName)\" with \(destination), outside the organisation"
                    + (reasons.isEmpty ? "" : "; " + reasons.joined(separator: "; ")),
                evidence: [event.id], severity: severity, details: details))
    }

    /// The distinct recipients of a window's shares, in order.
    private static func destinations(in window: EventWindow) -> [String] {
        var seen = Set<String>()
        return window.entries.compactMap { entry in
            let destination = String(entry.key.prefix { $0 != "|" })
            return seen.insert(destination).inserted ? destination : nil
        }
    }

    /// The item of a window key (`destination|item`).
    private static func item(ofKey key: String) -> String {
        guard let separator = key.firstIndex(of: "|") else { return key }
        return String(key[key.index(after: separator)...])
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("a project plan shared with a client", .raises(.low)) { timeline in
                timeline.sharing(
                    "SharingInvitationCreated", by: megan, from: .officeGB, file: "/sites/Projects/Shared Documents/Fabrikam rollout plan.docx",
                    target: "jo.lee@fabrikam.example")
            },
            DetectorExample("a document shared with a guest account", .raises(.low)) { timeline in
                timeline.sharing(
                    "AddedToSecureLink", by: megan, from: .officeGB, file: "/sites/Projects/Shared Documents/Minutes.docx",
                    target: "jo.lee_fabrikam.example#EXT#@contoso.onmicrosoft.com", targetType: "Member")
            },
            DetectorExample("a payroll file shared with a free-mail address", .raises(.medium)) { timeline in
                timeline.sharing(
                    "SharingInvitationCreated", by: megan, from: .homeGB, file: "/sites/HR/Shared Documents/Payroll 2026.xlsx",
                    target: "megan.bowen.home@gmail.example")
            },
            DetectorExample("twelve documents shared outside within the hour", .raises(.medium)) { timeline in
                timeline.at(day: 0, "15:00")
                for index in 1...12 {
                    timeline.sharing(
                        "SharingSet", by: megan, from: .homeGB, file: "/sites/Projects/Shared Documents/Design \(index).pdf",
                        target: "archive@dropbox-mail.example")
                    timeline.advance(minutes: 3)
                }
            },
            DetectorExample("sharing from the address that just created a hiding inbox rule", .raises(.high)) { timeline in
                timeline.hideMailFromAttacker(megan, from: .hostingNL)
                timeline.sharing(
                    "SharingInvitationCreated", by: megan, from: .hostingNL, file: "/sites/Projects/Shared Documents/Roadmap.pptx",
                    target: "collector@evil.example")
            },
            DetectorExample("a document shared with a colleague", .silent) { timeline in
                timeline.sharing(
                    "SharingInvitationCreated", by: megan, from: .officeGB, file: "/sites/HR/Shared Documents/Payroll 2026.xlsx",
                    target: "adele.vance@contoso.com", targetType: "Member")
            },
            DetectorExample("a folder shared with an internal group", .silent) { timeline in
                timeline.sharing(
                    "SharingSet", by: megan, from: .officeGB, file: "/sites/Projects/Shared Documents/Plans",
                    target: "Everyone except external users", targetType: "Group")
            },
        ]
    }
}
