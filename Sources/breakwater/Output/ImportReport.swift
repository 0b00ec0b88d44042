import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import Foundation

/// The summaries `breakwater import` prints.
enum ImportReport {
    /// A few lines about one file.
    static func text(for summary: FileImportSummary) -> String {
        let path = TerminalText.sanitized(summary.path)
        guard let format = summary.format else {
            return "\(path): the file is empty; nothing to import."
        }
        let totals = summary.totals
        var lines = ["\(path): \(format)\(summary.resumed ? ", resumed after an interruption" : "")"]
        lines.append(
            "  \(Format.count(totals.records)) records read: \(Format.count(totals.inserted)) inserted, "
                + "\(Format.count(totals.duplicates)) duplicates, \(Format.count(totals.quarantined)) quarantined")
        for (workload, counts) in totals.workloads.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(TerminalText.sanitized(workload)): \(Format.count(counts.records)) read, \(Format.count(counts.inserted)) inserted")
        }
        if totals.quarantined > 0 {
            lines.append("  see the quarantined records with: breakwater quarantine")
        }
        let seconds = Format.seconds(summary.duration)
        lines.append("  \(String(format: "%.2f", seconds)) s, \(Format.count(Int(Double(totals.records) / max(seconds, 0.000_001)))) records/s")
        return lines.joined(separator: "\n")
    }

    /// The line totalling several files.
    static func totalText(for summaries: [FileImportSummary], elapsed: Duration) -> String {
        let totals = combined(summaries)
        let seconds = Format.seconds(elapsed)
        return "Total: \(summaries.count) files, \(Format.count(totals.records)) records read, \(Format.count(totals.inserted)) inserted, "
            + "\(Format.count(totals.duplicates)) duplicates, \(Format.count(totals.quarantined)) quarantined in "
            + "\(String(format: "%.2f", seconds)) s"
    }

    /// One JSON object: overall counts, per workload, and per file.
    static func json(for summaries: [FileImportSummary], elapsed: Duration) -> String {
        let totals = combined(summaries)
        let seconds = Format.seconds(elapsed)
        var object: [JSONValue.Member] = counts(totals)
        object.append(.init(key: "seconds", value: .number(String(format: "%.3f", seconds))))
        object.append(.init(key: "recordsPerSecond", value: .number(String(Int(Double(totals.records) / max(seconds, 0.000_001))))))
        object.append(.init(key: "files", value: .array(summaries.map { summary in
            var file: [JSONValue.Member] = [
                .init(key: "path", value: .string(summary.path)),
                .init(key: "format", value: summary.format.map { .string($0.description) } ?? .null),
                .init(key: "resumed", value: .bool(summary.resumed)),
            ]
            file += counts(summary.totals)
            return .object(file)
        })))
        return JSONValue.object(object).jsonText
    }

    private static func counts(_ totals: ImportTotals) -> [JSONValue.Member] {
        [
            .init(key: "records", value: .number(String(totals.records))),
            .init(key: "inserted", value: .number(String(totals.inserted))),
            .init(key: "duplicates", value: .number(String(totals.duplicates))),
            .init(key: "quarantined", value: .number(String(totals.quarantined))),
            .init(key: "workloads", value: .object(totals.workloads.sorted(by: { $0.key < $1.key }).map { workload, counts in
                .init(key: workload, value: .object([
                    .init(key: "records", value: .number(String(counts.records))),
                    .init(key: "inserted", value: .number(String(counts.inserted))),
                ]))
            })),
        ]
    }

    private static func combined(_ summaries: [FileImportSummary]) -> ImportTotals {
        var totals = ImportTotals()
        for summary in summaries {
            totals.records += summary.totals.records
            totals.inserted += summary.totals.inserted
            totals.duplicates += summary.totals.duplicates
            totals.quarantined += summary.totals.quarantined
            for (workload, counts) in summary.totals.workloads {
                totals.workloads[workload, default: WorkloadTotals()].records += counts.records
                totals.workloads[workload, default: WorkloadTotals()].inserted += counts.inserted
            }
        }
        return totals
    }
}
