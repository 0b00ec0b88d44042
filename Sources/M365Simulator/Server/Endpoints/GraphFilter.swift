import BreakwaterModel
import Foundation

/// The part of OData `$filter` the simulator understands: clauses joined by `and`, each
/// `property op literal` (`eq`, `ne`, `gt`, `ge`, `lt`, `le`) or `startswith(property,'text')`.
/// Literals are quoted strings (`''` escapes a quote), numbers, `true`/`false`/`null`, or
/// unquoted date-times. String comparisons ignore case, as Graph's do. Anything else is
/// refused, so a client never mistakes an ignored filter for an applied one.
struct GraphFilter: Sendable {
    private enum Literal: Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case time(Int64)
    }

    private struct Clause: Sendable {
        let path: String
        let operation: String
        let literal: Literal
    }

    private let clauses: [Clause]

    /// Parses `text`, allowing only the properties in `properties`.
    ///
    /// - Throws: a message for the client when the filter cannot be applied.
    init(_ text: String, properties: [String]) throws(GraphFilterError) {
        var clauses: [Clause] = []
        for part in Self.split(text) {
            let clause = try Self.clause(part.trimmingCharacters(in: .whitespaces))
            guard properties.contains(clause.path) else {
                throw GraphFilterError(message: "Invalid filter clause: the property '\(clause.path)' cannot be filtered on.")
            }
            clauses.append(clause)
        }
        self.clauses = clauses
    }

    /// Whether an object with these properties passes every clause.
    func matches(_ fields: FilterFields) -> Bool {
        clauses.allSatisfy { clause in Self.evaluate(clause, fields[clause.path]) }
    }

    private static func evaluate(_ clause: Clause, _ value: JSONValue?) -> Bool {
        let order: Int?
        switch (clause.literal, value) {
        case (.null, let value):
            let isNull = value == nil || value == .null
            return clause.operation == "eq" ? isNull : clause.operation == "ne" ? !isNull : false
        case (.string(let wanted), .string(let actual)?):
            if clause.operation == "startswith" { return actual.lowercased().hasPrefix(wanted.lowercased()) }
            let (left, right) = (actual.lowercased(), wanted.lowercased())
            order = left == right ? 0 : left < right ? -1 : 1
        case (.time(let wanted), .string(let actual)?):
            guard let time = Timestamp(iso8601: actual)?.millisecondsSince1970 else { return false }
            order = time == wanted ? 0 : time < wanted ? -1 : 1
        case (.number(let wanted), .number(let text)?):
            guard let actual = Double(text) else { return false }
            order = actual == wanted ? 0 : actual < wanted ? -1 : 1
        case (.bool(let wanted), .bool(let actual)?):
            order = actual == wanted ? 0 : nil
        default:
            order = nil
        }
        guard let order else { return clause.operation == "ne" }
        switch clause.operation {
        case "eq": return order == 0
        case "ne": return order != 0
        case "gt": return order > 0
        case "ge": return order >= 0
        case "lt": return order < 0
        case "le": return order <= 0
        default: return false
        }
    }

    /// Splits on ` and ` outside quotes.
    private static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "'" { inQuotes.toggle() }
            if !inQuotes, text[index...].lowercased().hasPrefix(" and ") {
                parts.append(current)
                current = ""
                index = text.index(index, offsetBy: 5)
                continue
            }
            current.append(character)
            index = text.index(after: index)
        }
        parts.append(current)
        return parts
    }

    private static func clause(_ text: String) throws(GraphFilterError) -> Clause {
        if text.lowercased().hasPrefix("startswith("), text.hasSuffix(")") {
            let inner = text.dropFirst("startswith(".count).dropLast()
            guard let comma = inner.firstIndex(of: ",") else { throw GraphFilterError(message: "Invalid filter clause: \(text)") }
            let path = inner[..<comma].trimmingCharacters(in: .whitespaces)
            let literal = try literal(inner[inner.index(after: comma)...].trimmingCharacters(in: .whitespaces), clause: text)
            guard case .string = literal else { throw GraphFilterError(message: "Invalid filter clause: \(text)") }
            return Clause(path: path, operation: "startswith", literal: literal)
        }
        let pieces = text.split(separator: " ", maxSplits: 2)
        guard pieces.count == 3, ["eq", "ne", "gt", "ge", "lt", "le"].contains(pieces[1].lowercased()) else {
            throw GraphFilterError(message: "Invalid filter clause: \(text)")
        }
        return Clause(path: String(pieces[0]), operation: pieces[1].lowercased(), literal: try literal(String(pieces[2]), clause: text))
    }

    private static func literal(_ text: String, clause: String) throws(GraphFilterError) -> Literal {
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            return .string(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        switch text.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        if let number = Double(text) { return .number(number) }
        if text.contains("T"), let time = Timestamp(iso8601: text) { return .time(time.millisecondsSince1970) }
        throw GraphFilterError(message: "Invalid filter clause: the literal \(text) in '\(clause)' is not supported.")
    }
}

/// Why a `$filter` was refused.
struct GraphFilterError: Error {
    let message: String
}
