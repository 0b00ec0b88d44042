import BreakwaterModel
/// What is odd about an inbox rule's name: attackers name rules so that nobody looks twice
/// — nothing, a dot, a few punctuation marks, invisible or look-alike characters.
enum RuleNames {
    /// Why `name` is odd, or `nil` when it is an ordinary name.
    static func oddity(of name: String?) -> String? {
        guard let name, !name.trimmingASCIIWhitespace.isEmpty else { return "has no name" }
        let scalars = name.unicodeScalars
        if scalars.contains(where: { invisible.contains($0.value) }) { return "has invisible characters in its name" }
        if scalars.allSatisfy({ !$0.properties.isAlphabetic && $0.properties.numericType == nil }) {
            return "is named only with punctuation (\"\(name)\")"
        }
        if name.count <= 2 { return "has a name of \(name.count) character\(name.count == 1 ? "" : "s")" }
        let letters = scalars.filter { $0.properties.isAlphabetic }
        let latin = letters.filter { $0.value < 0x250 }
        if !latin.isEmpty, latin.count < letters.count { return "mixes Latin letters with look-alike letters from other scripts" }
        return nil
    }

    /// Zero-width and other invisible code points.
    private static let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x2062, 0x2063, 0x2064]
}
