import BreakwaterModel
import Foundation

/// Prints events in one of the search formats, streaming: nothing is held beyond one page.
struct SearchOutput {
    let format: SearchFormat
    private var count = 0
    private var output = FileHandle.standardOutput

    init(format: SearchFormat) {
        self.format = format
    }

    mutating func write(_ event: Event) {
        switch format {
        case .table:
            if count == 0 { emit(Self.tableHeader) }
            emit(Self.tableRow(event))
        case .json:
            emit((count == 0 ? "[\n" : ",\n") + Self.jsonObject(event))
        case .jsonl:
            // Records are stored as read; a pretty-printed one is joined onto one line (JSON
            // never holds a raw line break inside a string, so removing them is safe).
            emit(String(decoding: event.record.raw.filter { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self) + "\n")
        case .csv:
            if count == 0 { emit(CSVText.row(Self.csvHeader)) }
            emit(CSVText.row(Self.csvRow(event)))
        }
        count += 1
    }

    mutating func finish() {
        switch format {
        case .json: emit(count == 0 ? "[]\n" : "\n]\n")
        case .table where count == 0: FileHandle.standardError.write(Data("No matching events.\n".utf8))
        default: break
        }
    }

    private func emit(_ text: String) {
        output.write(Data(text.utf8))
    }

    // MARK: - Table

    private static let columns: [(title: String, width: Int)] = [
        ("TIME", 20), ("TENANT", 8), ("USER", 30), ("IP", 22), ("OPERATION", 24), ("WORKLOAD", 20), ("RESULT", 9), ("OBJECT", 0),
    ]

    private static var tableHeader: String {
        columns.map { pad($0.title, $0.width) }.joined(separator: " ").trimmingCharacters(in: .whitespaces) + "\n"
    }

    private static func tableRow(_ event: Event) -> String {
        let values = [
            event.time.iso8601, String(event.tenant.description.prefix(8)), event.actor ?? "-", event.sourceIP?.description ?? "-",
            event.operation, event.workload ?? "-", event.outcome.rawValue, event.record.objectID ?? "",
        ]
        return zip(values, columns).map { value, column in pad(TerminalText.sanitized(value), column.width) }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces) + "\n"
    }

    /// `text` cut or padded to `width` characters (0: as it is).
    private static func pad(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return text }
        if text.count > width { return String(text.prefix(width - 1)) + "…" }
        return text + String(repeating: " ", count: width - text.count)
    }

    // MARK: - JSON

    private static func jsonObject(_ event: Event) -> String {
        let fields: [(String, JSONValue)] = [
            ("time", .string(event.time.iso8601)),
            ("tenant", .string(event.tenant.description)),
            ("id", .string(event.id.description)),
            ("recordType", .string(event.recordType.description)),
            ("operation", .string(event.operation)),
            ("workload", event.workload.map { .string($0) } ?? .null),
            ("user", event.actor.map { .string($0) } ?? .null),
            ("ip", event.sourceIP.map { .string($0.description) } ?? .null),
            ("kind", .string(event.kind.name)),
            ("result", .string(event.outcome.rawValue)),
            ("objectId", event.record.objectID.map { .string($0) } ?? .null),
        ]
        let head = fields.map { "\(JSONText.quoted($0.0)):\($0.1.jsonText)" }.joined(separator: ",")
        // The original record is valid JSON (it was validated when read) and goes in verbatim.
        return "{" + head + ",\"record\":" + String(decoding: event.record.raw, as: UTF8.self) + "}"
    }

    // MARK: - CSV

    /// Column names that `breakwater import` recognises, so an export can be re-imported.
    private static let csvHeader = [
        "CreationDate", "RecordId", "TenantId", "UserId", "ClientIP", "Operation", "Workload", "RecordType", "Result", "ObjectId",
        "AuditData",
    ]

    private static func csvRow(_ event: Event) -> [String] {
        [
            event.time.iso8601, event.id.description, event.tenant.description, event.actor ?? "", event.sourceIP?.description ?? "",
            event.operation, event.workload ?? "", event.recordType.description, event.outcome.rawValue, event.record.objectID ?? "",
            String(decoding: event.record.raw, as: UTF8.self),
        ]
    }
}
