/// How a file lays out its records: the container around them and what each record is.
public struct InputFormat: Sendable, Hashable, CustomStringConvertible {
    /// What holds the records.
    public enum Container: Sendable, Hashable {
        /// One JSON array of records: a Management Activity API content blob, or a JSON file.
        case jsonArray
        /// One JSON object per line.
        case jsonLines
        /// JSON objects one after another, spanning lines (a pretty-printed record or several).
        case jsonValues
        /// Graph collection pages, `{"value": […], "@odata.nextLink": …}`, one or more.
        case graphPages
        /// A Purview audit search export.
        case csv(CSVLayout)
    }

    /// What one record is.
    public enum Flavor: Sendable, Hashable {
        /// A unified audit log record (`AuditData`) as the Management Activity API serves it.
        case auditRecord
        /// A `Search-UnifiedAuditLog` result object, holding the record as an `AuditData` string.
        case searchResult
        /// A Microsoft Graph sign-in.
        case graphSignIn
    }

    public var container: Container
    public var flavor: Flavor

    public init(container: Container, flavor: Flavor) {
        self.container = container
        self.flavor = flavor
    }

    /// A name for people: "Purview audit CSV export (current layout)".
    public var description: String {
        let records: String =
            switch flavor {
            case .auditRecord: "audit records"
            case .searchResult: "Search-UnifiedAuditLog results"
            case .graphSignIn: "Graph sign-ins"
            }
        switch container {
        case .jsonArray: return flavor == .auditRecord ? "JSON array of audit records (content blob)" : "JSON array of \(records)"
        case .jsonLines: return "JSON Lines of \(records)"
        case .jsonValues: return "JSON objects of \(records)"
        case .graphPages: return "Graph pages of \(records)"
        case .csv(let layout): return "Purview audit CSV export (\(layout))"
        }
    }

    /// The formats Breakwater reads, for the message that refuses any other.
    public static let acceptedFormats = """
        Breakwater reads: Management Activity API content blobs and JSON arrays of audit records; \
        JSON Lines of audit records; Purview audit search CSV exports (RecordId,CreationDate,RecordType,\
        Operation,UserId,AuditData,… or CreationDate,UserIds,Operations,AuditData); Search-UnifiedAuditLog \
        output converted to JSON (objects with an AuditData string); Graph sign-in logs \
        (/auditLogs/signIns pages {"value":[…]} or JSON Lines).
        """
}

/// The two column layouts of Purview audit CSV exports; both are read by header name.
public enum CSVLayout: Sendable, Hashable, CustomStringConvertible {
    /// `RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,…`
    case current
    /// `CreationDate,UserIds,Operations,AuditData` (classic search).
    case legacy

    public var description: String {
        switch self {
        case .current: "current layout"
        case .legacy: "classic layout"
        }
    }
}
