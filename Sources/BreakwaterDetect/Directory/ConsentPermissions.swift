import Foundation

/// The permissions a `Consent to application.` record grants, read from its
/// `ConsentAction.Permissions` property.
///
/// Entra writes the grants before and after the consent as text, one bracketed entry per
/// resource:
///
/// ```
/// [] => [[Id: 1bx…, ClientId: 7c…, PrincipalId: 2f…, ResourceId: 4a…, ConsentType: Principal,
///   Scope:  Mail.Read Mail.Send offline_access, CreatedDateTime: , LastModifiedDateTime: ]];
/// ```
///
/// The scopes of each `Scope:` field are space-separated; what the consent adds is what the
/// right-hand side holds and the left-hand side did not. When no `Scope:` field is found the
/// text is searched for anything shaped like a permission name, so that an unexpected layout
/// still yields the scopes rather than nothing.
struct ConsentPermissions: Equatable {
    /// Scopes held after the consent, in order of appearance.
    var granted: [String]
    /// Scopes held before it.
    var previous: [String]
    /// Whether a grant is for every user in the tenant (`ConsentType: AllPrincipals`).
    var forAllPrincipals: Bool

    /// Scopes the consent added (compared without case).
    var added: [String] {
        let before = Set(previous.map { $0.lowercased() })
        return granted.filter { !before.contains($0.lowercased()) }
    }

    /// Reads the permissions text; an empty or unreadable text grants nothing.
    init(_ text: String) {
        let before: Substring
        let after: Substring
        if let arrow = text.range(of: "=>") {
            before = text[..<arrow.lowerBound]
            after = text[arrow.upperBound...]
        } else {
            before = ""
            after = text[...]
        }
        previous = Self.scopes(in: before)
        granted = Self.scopes(in: after)
        forAllPrincipals = Self.values(of: "ConsentType", in: after).contains {
            $0.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare("AllPrincipals") == .orderedSame
        }
    }

    /// The scopes named in one side of the text.
    static func scopes(in text: Substring) -> [String] {
        let fields = values(of: "Scope", in: text)
        let words: [Substring]
        if fields.isEmpty {
            words = text.split(whereSeparator: { " ,;[](){}\"'\r\n\t".contains($0) }).filter(Self.looksLikePermission)
        } else {
            words = fields.flatMap { $0.split(whereSeparator: \.isWhitespace) }
        }
        var scopes: [String] = []
        for word in words.map(String.init) where !scopes.contains(where: { $0.caseInsensitiveCompare(word) == .orderedSame }) {
            scopes.append(word)
        }
        return scopes
    }

    /// The values of every `key:` field in `text`, each up to the next `,`, `;` or `]`.
    private static func values(of key: String, in text: Substring) -> [Substring] {
        var values: [Substring] = []
        var searchStart = text.startIndex
        while let range = text.range(of: key + ":", options: .caseInsensitive, range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            // `Scope:` must start a field, not end a longer key (`ResourceScope:`).
            if range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)].isLetter { continue }
            let rest = text[range.upperBound...]
            let end = rest.firstIndex { $0 == "," || $0 == ";" || $0 == "]" } ?? rest.endIndex
            values.append(rest[..<end])
        }
        return values
    }

    /// Whether a word is shaped like a permission name (`Mail.Read`, `offline_access`,
    /// `https://outlook.office.com/Mail.Send`) rather than an id or a field name.
    private static func looksLikePermission(_ word: Substring) -> Bool {
        guard word.contains(where: { $0 == "." || $0 == "_" }), !word.hasSuffix(":"), word.contains(where: \.isLetter) else { return false }
        let guidShape = word.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12]
        return !guidShape && word.allSatisfy { $0.isLetter || $0.isNumber || "._-/:".contains($0) }
    }
}
