extension PropertyBag {
    /// The bag whose value starts at `span` in a record's raw JSON (empty when absent).
    static func reading(_ raw: [UInt8], at span: AuditRecord.ValueSpan?) -> PropertyBag {
        guard let span else { return PropertyBag() }
        let start = Int(span.start)
        switch raw[start] {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            return PropertyBag(storage: .json(raw: raw, start: start))
        case UInt8(ascii: "\""):
            let text = raw.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer, startingAt: start)
                return (try? scanner.readScalarText()) ?? ""
            }
            return PropertyBag(decodingText: text)
        default:
            return PropertyBag()
        }
    }

    /// A bag written as text: JSON inside a string, or PowerShell-style parameters.
    public init(decodingText text: String) {
        let trimmed = text.trimmingASCIIWhitespace
        if let first = trimmed.utf8.first, first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
            let bytes = Array(trimmed.utf8)
            let isValid = bytes.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer)
                return (try? scanner.skipValue()) != nil && (try? scanner.expectEnd()) != nil
            }
            if isValid {
                self.init(Self.decodeEntries(bytes, start: 0, matching: nil))
                return
            }
        }
        self.init(Self.parseCommandLine(trimmed))
    }

    /// Decodes entries from the JSON array or object at `start`, keeping those named
    /// `matching` (all when `nil`), stopping after the first match when `firstOnly`.
    static func decodeEntries(_ raw: [UInt8], start: Int, matching name: String?, firstOnly: Bool = false) -> [Entry] {
        let wanted = name.map { Array($0.utf8) }
        return raw.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, startingAt: start)
            var entries: [Entry] = []
            do throws(JSONSyntaxError) {
                if scanner.peek() == UInt8(ascii: "{") {
                    var object = try scanner.beginObject()
                    while let key = try scanner.nextKey(in: &object) {
                        guard scanner.matches(key, ignoringCase: wanted) else {
                            try scanner.skipValue()
                            continue
                        }
                        entries.append(Entry(name: scanner.string(key), value: try scanner.readValueText()))
                        if firstOnly { return entries }
                    }
                    return entries
                }
                var array = try scanner.beginArray()
                while try scanner.nextElement(in: &array) {
                    guard let entry = try scanner.readEntry(named: wanted) else { continue }
                    entries.append(entry)
                    if firstOnly { return entries }
                }
            } catch {
                // Record text was validated when read; text from inside a string was checked in
                // `init(decodingText:)`. What was decoded before a fault is still returned.
            }
            return entries
        }
    }

    /// Parses `-Name "value" -Switch -Other:value` into entries; a bare switch is `True`.
    static func parseCommandLine(_ text: String) -> [Entry] {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        var inToken = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inToken = true
            } else if character == " " || character == "\t" || character == "\n" || character == "\r" {
                if inToken { tokens.append(current) }
                current = ""
                inToken = false
            } else {
                current.append(character)
                inToken = true
            }
        }
        if inToken { tokens.append(current) }

        var entries: [Entry] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.hasPrefix("-"), token.count > 1 else {
                // A value with no parameter name: keep it under an empty name rather than lose it.
                entries.append(Entry(name: "", value: token))
                continue
            }
            var name = String(token.dropFirst())
            if let colon = name.firstIndex(of: ":") {
                let value = String(name[name.index(after: colon)...])
                name = String(name[..<colon])
                entries.append(Entry(name: name, value: value.hasPrefix("$") ? String(value.dropFirst()) : value))
            } else if index < tokens.count, !tokens[index].hasPrefix("-") {
                entries.append(Entry(name: name, value: tokens[index]))
                index += 1
            } else {
                entries.append(Entry(name: name, value: "True"))
            }
        }
        return entries
    }
}

extension JSONScanner {
    /// Whether a key equals `wanted` ignoring ASCII case; `nil` wanted matches everything.
    func matches(_ key: JSONStringReference, ignoringCase wanted: [UInt8]?) -> Bool {
        guard let target = wanted else { return true }
        guard key.hasEscapes else {
            guard key.count == target.count else { return false }
            for offset in 0..<key.count
            where String.asciiLowercase(bytes[key.start + offset]) != String.asciiLowercase(target[offset]) {
                return false
            }
            return true
        }
        return string(key).caseInsensitiveEquals(String(decoding: target, as: UTF8.self))
    }

    /// Reads one element of a property array: a bare name or a Name/Value-style object.
    /// Returns `nil` (having consumed it) when it is neither or its name is not `wanted`.
    mutating func readEntry(named wanted: [UInt8]?) throws(JSONSyntaxError) -> PropertyBag.Entry? {
        switch peek() {
        case UInt8(ascii: "\""):
            let reference = try readString()
            guard matches(reference, ignoringCase: wanted) else { return nil }
            return PropertyBag.Entry(name: string(reference), value: nil)
        case UInt8(ascii: "{"):
            var name: JSONStringReference?
            var value: String?
            var oldValue: String?
            var object = try beginObject()
            while let key = try nextKey(in: &object) {
                if matches(key, "Name") || matches(key, "Key") {
                    guard peek() == UInt8(ascii: "\"") else {
                        try skipValue()
                        continue
                    }
                    name = try readString()
                } else if matches(key, "Value") || matches(key, "NewValue") {
                    value = try readValueText()
                } else if matches(key, "OldValue") {
                    oldValue = try readValueText()
                } else {
                    try skipValue()
                }
            }
            guard let name, matches(name, ignoringCase: wanted) else { return nil }
            return PropertyBag.Entry(name: string(name), value: value, oldValue: oldValue)
        default:
            try skipValue()
            return nil
        }
    }
}
