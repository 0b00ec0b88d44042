/// Making attacker-controlled text safe inside HTML: rule names, file names, subjects and
/// user agents are chosen by whoever wrote the records.
public enum HTMLText {
    /// `text` escaped for an HTML text node or a quoted attribute value: `&`, `<`, `>`, `"`
    /// and `'` become character references, and control characters (other than tab and line
    /// feed) and bidirectional overrides are shown as `\u{…}`, so that nothing can reorder or
    /// hide what the reader sees.
    public static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case _ where TerminalText.isControl(scalar): output += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
