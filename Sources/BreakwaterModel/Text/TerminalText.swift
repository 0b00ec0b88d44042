/// Making attacker-controlled text safe to print on a terminal.
public enum TerminalText {
    /// `text` with control characters (escape sequences, carriage returns, bells, …) shown as
    /// `\u{…}` instead of acting on the terminal, so that a crafted user agent or rule name
    /// cannot rewrite what the operator sees.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                output += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether `scalar` acts on a terminal or reorders text: C0 and C1 controls, line and
    /// paragraph separators, bidirectional embeddings, overrides and isolates.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
