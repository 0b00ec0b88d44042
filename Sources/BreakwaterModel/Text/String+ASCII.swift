extension String {
    /// Whether two strings are equal when ASCII letters are compared without case.
    ///
    /// Audit data is inconsistent about case in names (`"Add User."` and `"Add user."`,
    /// `UserAgent` and `userAgent`), and names are ASCII, so an ASCII fold is both right and
    /// cheap.
    public func caseInsensitiveEquals(_ other: String) -> Bool {
        var left = utf8.makeIterator()
        var right = other.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let a?, let b?):
                if a != b && Self.asciiLowercase(a) != Self.asciiLowercase(b) { return false }
            default: return false
            }
        }
    }

    /// The string lowercased for use as an identity (UPNs, operation names, tenant ids).
    ///
    /// ASCII text, which is nearly all of it, takes a fast path that allocates only when there
    /// is an uppercase letter; anything else falls back to Unicode lowercasing.
    public var identityLowercased: String {
        var text = self
        enum Case { case lower, upperASCII, nonASCII }
        let found = text.withUTF8 { bytes -> Case in
            var found = Case.lower
            for byte in bytes {
                if byte >= 0x80 { return .nonASCII }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { found = .upperASCII }
            }
            return found
        }
        switch found {
        case .lower: return self
        case .nonASCII: return lowercased()
        case .upperASCII:
            return text.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { output in
                    for (index, byte) in bytes.enumerated() { output[index] = Self.asciiLowercase(byte) }
                    return bytes.count
                }
            }
        }
    }

    @inline(__always)
    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// The string without leading and trailing ASCII whitespace (space, tab, CR, LF).
    public var trimmingASCIIWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
