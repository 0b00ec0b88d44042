import Foundation

/// Writing values as CSV cells that are safe to open in a spreadsheet.
///
/// Audit data is attacker-controlled (rule names, file names, user agents, subjects). A cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
/// LibreOffice, so such a cell is prefixed with `'` (OWASP's CSV-injection advice); cells are
/// quoted per RFC 4180 when they hold a comma, quote or line break.
public enum CSVText {
    /// One cell, neutralised and quoted as needed.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One row: cells joined by commas, ended by CRLF as RFC 4180 writes it.
    public static func row(_ values: [String]) -> String {
        values.map(cell).joined(separator: ",") + "\r\n"
    }
}
