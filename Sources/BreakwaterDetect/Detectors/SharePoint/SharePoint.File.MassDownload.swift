import BreakwaterModel

/// Many distinct files downloaded within minutes, far beyond what the identity usually does:
/// someone emptying a library before they are noticed.
struct FileMassDownload: Detector {
    let descriptor = DetectorDescriptor(
        id: "SharePoint.File.MassDownload", title: "Mass file download", category: .massDownload, severity: .medium,
        stage: .exfiltration, attack: [.dataFromSharePoint, .dataFromCloudStorage],
        explanation: """
            An attacker holding an account takes what it can reach while the access lasts: whole SharePoint libraries \
            and OneDrive folders, through the browser, the sync client or a script (rclone, Graph). Each identity's \
            downloads (FileDownloaded, FileSyncDownloadedFull and partial) are counted as distinct files within a sliding \
            window; a burst reaching the threshold is compared with the identity's own typical daily peak over the last \
            two weeks. A burst several times larger than usual is medium; with no earlier day to compare with it is low; \
            from an address or session already suspected it is high. Each burst is reported once.
            """,
        falsePositives: """
            Backup and migration accounts, and people who set up sync of a large library. An account that downloads \
            hundreds of files every night learns that as its habit after the first night and stays silent; a one-off \
            sync of a new library by its usual user from a usual place is worth a glance only.
            """,
        runbook: """
            Check where the downloads came from (address, user agent) and whether the user knows of them. If not, revoke \
            sessions and reset the password, review the files taken (the evidence lists them) for what must be \
            reported, and look for sharing links or forwarding the same session created.
            """,
        thresholds: [distinctFiles, windowMinutes, baselineMultiplier])

    let kinds: Set<ActionKind> = [.fileDownloaded]

    /// The identity's volume the baseline keeps.
    static let volume = "downloads"

    static let distinctFiles = Threshold("distinct_files", default: 25, "distinct files downloaded within the window that make a burst")
    static let windowMinutes = Threshold("window_minutes", default: 3, "the sliding window, in minutes")
    static let baselineMultiplier = Threshold(
        "baseline_multiplier", default: 5, "how many times the identity's typical daily peak a burst must reach to be unusual")

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let span = context.milliseconds(ofMinutes: Self.windowMinutes)
        let file = event.record.objectID.flatMap { $0.isEmpty ? nil : $0 } ?? event.id.description
        let window = context.addDistinct(file, record: event.id, toWindow: Self.volume, span: span)
        let count = window.count
        let suspected = context.isSuspected(event)
        guard Double(count) >= context.value(of: Self.distinctFiles) else {
            if !suspected { context.notePeak(count, of: Self.volume) }
            return
        }
        let verdict = context.judge(count, of: Self.volume, multiplier: context.value(of: Self.baselineMultiplier))
        let severity = Self.severity(verdict, suspected: suspected)
        if !suspected, (severity ?? .low) <= .low {
            context.notePeak(count, of: Self.volume)
        }
        guard context.isNewInBurst(Self.volume, raising: severity != nil, lasting: span), let severity else { return }

        let minutes = Int(context.value(of: Self.windowMinutes))
        let files = window.entries.map(\.key)
        let details = ["files": String(count), "file": FileNames.examples(files, limit: 5), "typical": verdict.typical.map(String.init) ?? "none"]
        let reason =
            if suspected {
                "from an address or session already suspected"
            } else if let typical = verdict.typical {
                "its usual daily peak is \(typical)"
            } else {
                "no download habit learned yet"
            }
        context.raise(
            Finding(
                key: "\(window.entries.first?.record ?? event.id)",
                summary: "\(context.user) downloaded \(count) files within \(minutes) minutes (\(FileNames.examples(files))); \(reason)",
                evidence: window.records, severity: severity,
                details: details))
    }

    /// The severity of a burst: high from a suspected address or session, else medium when
    /// unusual for the identity, low while its habit is unknown, nothing when usual.
    private static func severity(_ verdict: VolumeVerdict, suspected: Bool) -> Severity? {
        if suspected { return .high }
        switch verdict {
        case .learning: return .low
        case .unusual: return .medium
        case .usual: return nil
        }
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        let backup = "svc-backup@contoso.com"
        return [
            DetectorExample("a clerk who downloads a few files a day takes 120 in two minutes", .raises(.medium)) { timeline in
                timeline.habits(megan, from: .homeGB, days: 10)
                for day in 1..<10 {
                    timeline.at(day: day, "11:00")
                    timeline.fileOperations("FileDownloaded", count: 3, by: megan, from: .homeGB, prefix: "Day \(day) report")
                }
                timeline.at(day: 10, "12:30")
                timeline.fileOperations("FileDownloaded", count: 120, by: megan, from: .homeGB)
            },
            DetectorExample("a first bulk sync, with no habit to compare it with", .raises(.low)) { timeline in
                timeline.at(day: 0, "10:00")
                timeline.fileOperations("FileSyncDownloadedFull", count: 40, by: megan, from: .homeGB)
            },
            DetectorExample("downloads from the address that just created a hiding inbox rule", .raises(.high)) { timeline in
                timeline.habits(megan, from: .homeGB, days: 3)
                timeline.at(day: 3, "02:10")
                timeline.hideMailFromAttacker(megan, from: .hostingNL)
                timeline.fileOperations("FileDownloaded", count: 30, by: megan, from: .hostingNL, agent: ExampleAgents.pythonRequests)
            },
            DetectorExample("a nightly backup job is low on its first night, then its own habit", .raises(.low)) { timeline in
                for night in 1...10 {
                    timeline.at(day: night, "02:00")
                    timeline.fileOperations(
                        "FileDownloaded", count: 300, by: backup, from: .hetznerDE, folder: "Shared Documents/Archive", prefix: "Record",
                        fileExtension: "pdf", agent: ExampleAgents.rclone)
                }
            },
            DetectorExample("a user downloading ten files", .silent) { timeline in
                timeline.habits(megan, from: .homeGB, days: 2)
                timeline.at(day: 2, "14:00")
                timeline.fileOperations("FileDownloaded", count: 10, by: megan, from: .homeGB)
            },
            DetectorExample("someone who downloads twenty files most days takes sixty", .silent) { timeline in
                for day in 0..<6 {
                    timeline.at(day: day, "09:30")
                    timeline.fileOperations("FileDownloaded", count: 20, by: megan, from: .officeGB, prefix: "Day \(day) drawing")
                }
                timeline.at(day: 6, "09:30")
                timeline.fileOperations("FileDownloaded", count: 60, by: megan, from: .officeGB)
            },
            DetectorExample("the same file synced over and over", .silent) { timeline in
                timeline.at(day: 0, "10:00")
                for _ in 0..<60 {
                    timeline.fileOperation("FileSyncDownloadedPartial", by: megan, from: .homeGB, file: "/personal/megan/Documents/Model.xlsx")
                }
            },
        ]
    }
}
