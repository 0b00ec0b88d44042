import BreakwaterModel

/// Many distinct files deleted within minutes, or changed the way ransomware changes them
/// (rewritten and given a new extension): someone destroying what the organisation keeps.
struct FileMassDelete: Detector {
    let descriptor = DetectorDescriptor(
        id: "SharePoint.File.MassDelete", title: "Mass file deletion or encryption", category: .massDelete, severity: .medium,
        stage: .impact, attack: [.dataDestruction, .dataEncryptedForImpact],
        explanation: """
            Attackers and disgruntled insiders destroy data: they delete or recycle whole folders (FileDeleted, \
            FileRecycled, FolderDeleted and the recycle-bin stages), or ransomware on a synced device rewrites every file \
            and renames it to a new extension (Budget.xlsx → Budget.xlsx.locked), which SharePoint and OneDrive record as \
            FileModified and FileRenamed. Deletions of many distinct files within a sliding window are compared with the \
            identity's own typical daily peak: several times more than usual is medium, with no earlier day to compare \
            with it is low. Files rewritten or renamed in bulk, at least half of them to a new extension, look like \
            encryption and are high. From an address or session already suspected, either is one level more severe. \
            Each burst is reported once.
            """,
        falsePositives: """
            Tidying up an old project, retention clean-up accounts, and people renaming photos or moving documents \
            between folders. A clean-up that is the identity's habit stays silent after its first day; renames and moves \
            that keep each file's extension are not counted; neither are edits alone.
            """,
        runbook: """
            Ask the user at once. For deletions, restore from the site or OneDrive recycle bin (93 days) and check who \
            else lost files. For encryption, isolate the user's devices, stop sync, revoke sessions, and restore the \
            library to a time before the burst (OneDrive and SharePoint "Restore" to a previous version).
            """,
        thresholds: [distinctFiles, windowMinutes, baselineMultiplier, renamedShare])

    let kinds: Set<ActionKind> = [.fileDeleted, .fileModified, .fileRenamed]

    /// The identity's volume the baseline keeps (deletions only: edits are judged by renames).
    static let volume = "deletions"
    /// Files rewritten or given a new extension, and those given a new extension.
    private static let changes = "changes"
    private static let reextended = "reextended"

    static let distinctFiles = Threshold("distinct_files", default: 50, "distinct files deleted, or changed, within the window that make a burst")
    static let windowMinutes = Threshold("window_minutes", default: 5, "the sliding window, in minutes")
    static let baselineMultiplier = Threshold(
        "baseline_multiplier", default: 5, "how many times the identity's typical daily peak of deletions a burst must reach to be unusual")
    static let renamedShare = Threshold(
        "renamed_share", default: 0.5, "the share of changed files given a new extension for a burst to look like encryption (0 to 1)")

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let span = context.milliseconds(ofMinutes: Self.windowMinutes)
        let file = event.record.objectID.flatMap { $0.isEmpty ? nil : $0 } ?? event.id.description
        switch event.kind {
        case .fileDeleted: inspectDeletion(event, of: file, span: span, in: &context)
        case .fileModified: inspectChange(event, of: file, rename: nil, span: span, in: &context)
        case .fileRenamed:
            let rename = Rename(event.record)
            guard rename.changesExtension else { return }
            inspectChange(event, of: file, rename: rename, span: span, in: &context)
        default: return
        }
    }

    private func inspectDeletion(_ event: Event, of file: String, span: Int64, in context: inout DetectionContext) {
        let window = context.addDistinct(file, record: event.id, toWindow: Self.volume, span: span)
        let count = window.count
        let suspected = context.isSuspected(event)
        guard Double(count) >= context.value(of: Self.distinctFiles) else {
            if !suspected { context.notePeak(count, of: Self.volume) }
            return
        }
        let verdict = context.judge(count, of: Self.volume, multiplier: context.value(of: Self.baselineMultiplier))
        let severity = Self.deletionSeverity(verdict, suspected: suspected)
        if !suspected, (severity ?? .low) <= .low {
            context.notePeak(count, of: Self.volume)
        }
        guard context.isNewInBurst(Self.volume, raising: severity != nil, lasting: span), let severity else { return }

        let files = window.entries.map(\.key)
        let details = ["files": String(count), "file": FileNames.examples(files, limit: 5), "typical": verdict.typical.map(String.init) ?? "none"]
        var reasons = [verdict.typical.map { "its usual daily peak is \($0)" } ?? "no deletion habit learned yet"]
        if suspected { reasons.append("from an address or session already suspected") }
        context.raise(
            Finding(
                key: "\(window.entries.first?.record ?? event.id)",
                summary: "\(context.user) deleted \(count) files within \(minutes(context)) minutes (\(FileNames.examples(files))); "
                    + reasons.joined(separator: "; "),
                evidence: window.records, severity: severity,
                details: details))
    }

    private func inspectChange(_ event: Event, of file: String, rename: Rename?, span: Int64, in context: inout DetectionContext) {
        if rename != nil {
            _ = context.addDistinct(file, record: event.id, toWindow: Self.reextended, span: span)
        }
        let window = context.addDistinct(file, record: event.id, toWindow: Self.changes, span: span)
        let count = window.count
        guard Double(count) >= context.value(of: Self.distinctFiles) else { return }
        let now = context.now
        let reextended = context.withWindow(Self.reextended) { reextended in
            reextended.prune(before: now - span)
            return reextended
        }
        guard Double(reextended.count) >= context.value(of: Self.renamedShare) * Double(count) else { return }
        let suspected = context.isSuspected(event)
        let severity: Severity = suspected ? .critical : .high
        guard context.isNewInBurst(Self.changes, raising: true, lasting: span) else { return }

        let renamed = reextended.entries.map(\.key)
        var details = ["files": String(count), "renamed": String(renamed.count), "file": FileNames.examples(renamed, limit: 5)]
        if let newExtension = rename?.destinationExtension { details["extension"] = newExtension }
        context.raise(
            Finding(
                key: "\(window.entries.first?.record ?? event.id)",
                summary: "\(context.user) rewrote or renamed \(count) files within \(minutes(context)) minutes, \(renamed.count) of them to a new "
                    + "extension (\(FileNames.examples(renamed))), as ransomware does"
                    + (suspected ? ", from an address or session already suspected" : ""),
                evidence: window.records, severity: severity, details: details))
    }

    private func minutes(_ context: DetectionContext) -> Int { Int(context.value(of: Self.windowMinutes)) }

    /// Deletions are medium when unusual for the identity, low while its habit is unknown,
    /// nothing when usual; from a suspected address or session the habit excuses nothing and
    /// the severity is one level higher.
    private static func deletionSeverity(_ verdict: VolumeVerdict, suspected: Bool) -> Severity? {
        switch (verdict, suspected) {
        case (.learning, false): .low
        case (.unusual, false): .medium
        case (.usual, false): nil
        case (.learning, true): .medium
        case (.unusual, true), (.usual, true): .high
        }
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("someone who recycles a few files a day recycles eighty", .raises(.medium)) { timeline in
                timeline.habits(megan, from: .homeGB, days: 10)
                for day in 1..<10 {
                    timeline.at(day: day, "16:00")
                    timeline.fileOperations("FileRecycled", count: 4, by: megan, from: .homeGB, prefix: "Day \(day) draft")
                }
                timeline.at(day: 10, "16:00")
                timeline.fileOperations("FileRecycled", count: 80, by: megan, from: .homeGB)
            },
            DetectorExample("a first clear-out of sixty files, with no habit to compare it with", .raises(.low)) { timeline in
                timeline.at(day: 0, "16:00")
                timeline.fileOperations("FileDeleted", count: 60, by: megan, from: .homeGB)
            },
            DetectorExample("sixty files rewritten and renamed to .locked (extension fields)", .raises(.high)) { timeline in
                timeline.at(day: 0, "03:00")
                for index in 1...60 {
                    let file = "/personal/megan_bowen_contoso_com/Documents/Finance/Statement \(index).xlsx"
                    timeline.fileOperation("FileModified", by: megan, from: .homeGB, file: file)
                    timeline.fileOperation(
                        "FileRenamed", by: megan, from: .homeGB, file: file,
                        fields: [("SourceFileExtension", "xlsx"), ("DestinationFileExtension", "locked")])
                }
            },
            DetectorExample("sixty files renamed to a new extension (file names only)", .raises(.high)) { timeline in
                timeline.at(day: 0, "03:00")
                Self.rename(60, by: megan, from: .homeGB, in: &timeline) { ("Statement \($0).xlsx", "Statement \($0).xlsx.encrypted") }
            },
            DetectorExample("files encrypted from the address that just created a hiding inbox rule", .raises(.critical)) { timeline in
                timeline.at(day: 0, "03:00")
                timeline.hideMailFromAttacker(megan, from: .hostingNL)
                Self.rename(60, by: megan, from: .hostingNL, in: &timeline) { ("Statement \($0).xlsx", "Statement \($0).xlsx.encrypted") }
            },
            DetectorExample("deletions from the address that just created a hiding inbox rule", .raises(.high)) { timeline in
                for day in 0..<5 {
                    timeline.at(day: day, "16:00")
                    timeline.fileOperations("FileDeleted", count: 5, by: megan, from: .homeGB, prefix: "Day \(day) draft")
                }
                timeline.at(day: 5, "03:00")
                timeline.hideMailFromAttacker(megan, from: .hostingNL)
                timeline.fileOperations("FileDeleted", count: 55, by: megan, from: .hostingNL, prefix: "Contract")
            },
            DetectorExample("a user deleting twenty files", .silent) { timeline in
                timeline.at(day: 0, "16:00")
                timeline.fileOperations("FileDeleted", count: 20, by: megan, from: .homeGB)
            },
            DetectorExample("someone who clears out forty files most days deletes 120", .silent) { timeline in
                for day in 0..<6 {
                    timeline.at(day: day, "17:00")
                    timeline.fileOperations("FileDeleted", count: 40, by: megan, from: .officeGB, prefix: "Day \(day) scan")
                }
                timeline.at(day: 6, "17:00")
                timeline.fileOperations("FileDeleted", count: 120, by: megan, from: .officeGB)
            },
            DetectorExample("eighty holiday photos renamed, keeping their extension", .silent) { timeline in
                timeline.at(day: 0, "20:00")
                Self.rename(80, by: megan, from: .homeGB, in: &timeline) { ("IMG_\(1000 + $0).JPG", "Lisbon \($0).jpg") }
            },
            DetectorExample("a flow updating the properties of eighty files", .silent) { timeline in
                timeline.at(day: 0, "11:00")
                timeline.fileOperations("FileModified", count: 80, by: megan, from: .microsoft)
            },
        ]
    }

    /// `count` `FileRenamed` records, the `n`th from and to the names `names(n)` gives, named in
    /// `SourceFileName` and `DestinationFileName` only.
    private static func rename(
        _ count: Int, by user: String, from place: ExamplePlace, in timeline: inout ExampleTimeline,
        _ names: (Int) -> (source: String, destination: String)
    ) {
        for index in 1...count {
            let (source, destination) = names(index)
            timeline.fileOperation(
                "FileRenamed", by: user, from: place, file: "/sites/Finance/Shared Documents/Accounts/\(source)",
                fields: [("DestinationFileName", .string(destination))])
        }
    }
}
