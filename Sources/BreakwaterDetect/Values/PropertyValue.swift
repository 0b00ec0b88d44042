import BreakwaterModel

/// How a property value reads, whoever wrote it.
///
/// The same setting arrives in many spellings: Exchange cmdlet parameters say `True`,
/// `$true`, `"True"` or `1`; Entra's `ModifiedProperties` wrap values as JSON text with line
/// breaks (`"[\r\n  true\r\n]"`, `"[\r\n  \"Global Administrator\"\r\n]"`); PowerShell clears a
/// setting with `$null` or an empty string. Detectors ask these questions instead of
/// comparing text.
enum PropertyValue {
    /// The value without surrounding whitespace, quotes and single-element brackets
    /// (`"[\r\n  \"Finance\"\r\n]"` → `Finance`).
    static func unwrapped(_ value: String?) -> String {
        var text = (value ?? "").trimmingASCIIWhitespace
        while text.count >= 2 {
            let first = text.first, last = text.last
            let quoted = (first == "\"" && last == "\"") || (first == "'" && last == "'")
            let bracketed = first == "[" && last == "]" && !text.dropFirst().hasPrefix("[")
            guard quoted || bracketed else { break }
            text = String(text.dropFirst().dropLast()).trimmingASCIIWhitespace
        }
        return text
    }

    /// Whether the value says yes: `True`, `$true`, `1`, `Yes`, in any case and wrapping.
    static func isTrue(_ value: String?) -> Bool {
        trueWords.contains(unwrapped(value).identityLowercased)
    }

    /// Whether the value says no: `False`, `$false`, `0`, `No`, in any case and wrapping.
    static func isFalse(_ value: String?) -> Bool {
        falseWords.contains(unwrapped(value).identityLowercased)
    }

    /// Whether the value is absent or clears the setting: missing, empty, `$null`, `null`,
    /// `<null>`, `[]`, `{}`.
    static func isEmpty(_ value: String?) -> Bool {
        let text = unwrapped(value)
        return emptyWords.contains(text.identityLowercased) || text.allSatisfy { "[]{}".contains($0) || $0.isWhitespace }
    }

    private static let trueWords: Set<String> = ["true", "$true", "1", "yes"]
    private static let falseWords: Set<String> = ["false", "$false", "0", "no"]
    private static let emptyWords: Set<String> = ["", "$null", "null", "<null>"]
}
