/// A validating, single-pass reader of JSON text held in one contiguous UTF-8 buffer.
///
/// The scanner builds nothing unless asked. A caller walks an object's members, reads the
/// values it cares about and skips the rest; skipping still validates, so a record that the
/// scanner accepts is well-formed JSON with valid UTF-8 from its first byte to its last. This
/// is the hot path of every import: audit records are read here once, never re-parsed by a
/// general-purpose decoder.
///
/// ```swift
/// try bytes.withUnsafeBufferPointer { buffer in
///     var scanner = JSONScanner(buffer)
///     var object = try scanner.beginObject()
///     while let key = try scanner.nextKey(in: &object) {
///         if scanner.matches(key, "Id") { id = try scanner.readStringValue() }
///         else { try scanner.skipValue() }
///     }
///     try scanner.expectEnd()
/// }
/// ```
///
/// - important: The buffer must outlive the scanner; use it only inside the
///   `withUnsafeBufferPointer` closure that produced the buffer.
public struct JSONScanner {
    /// How deeply arrays and objects may nest before the text is refused. Protects the stack
    /// against hostile input such as a line of a million `[`.
    public static let maximumDepth = 256

    public let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next byte to read.
    public var index: Int

    public init(_ bytes: UnsafeBufferPointer<UInt8>, startingAt index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    /// Progress through one object's members: whether the next member is the first.
    public struct ObjectCursor {
        fileprivate var expectsFirstMember = true
    }

    /// Progress through one array's elements: whether the next element is the first.
    public struct ArrayCursor {
        fileprivate var expectsFirstElement = true
    }

    // MARK: - Structure

    /// Skips JSON whitespace (space, tab, line feed, carriage return).
    @inline(__always)
    public mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, without consuming it; `nil` at the end of the text.
    @inline(__always)
    public mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Throws unless only whitespace remains.
    public mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        if index < bytes.count { throw error("unexpected text after the end of the value") }
    }

    /// Consumes `{` and returns the cursor for ``nextKey(in:)``.
    public mutating func beginObject() throws(JSONSyntaxError) -> ObjectCursor {
        guard peek() == UInt8(ascii: "{") else { throw error(expecting: "'{'") }
        index += 1
        return ObjectCursor()
    }

    /// Reads the next member's key and its colon, leaving the scanner at the member's value;
    /// returns `nil` after consuming the closing `}`.
    public mutating func nextKey(in cursor: inout ObjectCursor) throws(JSONSyntaxError) -> JSONStringReference? {
        let next = peek()
        if next == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if cursor.expectsFirstMember {
            cursor.expectsFirstMember = false
        } else {
            guard next == UInt8(ascii: ",") else { throw error(expecting: "',' or '}' after an object member") }
            index += 1
        }
        guard peek() == UInt8(ascii: "\"") else { throw error(expecting: "a quoted object key") }
        let key = try readString()
        guard peek() == UInt8(ascii: ":") else { throw error(expecting: "':' after an object key") }
        index += 1
        skipWhitespace()
        return key
    }

    /// Consumes `[` and returns the cursor for ``nextElement(in:)``.
    public mutating func beginArray() throws(JSONSyntaxError) -> ArrayCursor {
        guard peek() == UInt8(ascii: "[") else { throw error(expecting: "'['") }
        index += 1
        return ArrayCursor()
    }

    /// Moves to the next element and returns `true`, or consumes the closing `]` and returns
    /// `false`.
    public mutating func nextElement(in cursor: inout ArrayCursor) throws(JSONSyntaxError) -> Bool {
        let next = peek()
        if next == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if cursor.expectsFirstElement {
            cursor.expectsFirstElement = false
        } else {
            guard next == UInt8(ascii: ",") else { throw error(expecting: "',' or ']' after an array element") }
            index += 1
            skipWhitespace()
        }
        guard index < bytes.count else { throw truncation("the text ends inside an array") }
        return true
    }

    // MARK: - Strings

    /// Reads a string starting at the opening quote and returns where its contents lie.
    ///
    /// Validates escapes, rejects raw control characters and checks that every multi-byte
    /// sequence is well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
    public mutating func readString() throws(JSONSyntaxError) -> JSONStringReference {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error(expecting: "'\"'") }
        let start = index + 1
        var i = start
        var hasEscapes = false
        let end = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i < end {
            // Eight plain ASCII bytes at a time (no quote, backslash, control or non-ASCII
            // byte): most of a record's text is in strings, and this is its fast path.
            while i &+ 8 <= end, Self.isPlainASCII(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i &+= 8
            }
            guard i < end else { break }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                index = i + 1
                return JSONStringReference(start: start, end: i, hasEscapes: hasEscapes)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                i = try validateEscape(at: i)
            } else if byte < 0x20 {
                index = i
                throw error("a control character (0x\(String(byte, radix: 16))) inside a string must be escaped")
            } else if byte < 0x80 {
                i += 1
            } else {
                i = try validateMultiByteSequence(at: i)
            }
        }
        index = end
        throw truncation("the text ends inside a string")
    }

    /// Validates the escape starting at the backslash at `position`; returns the offset after it.
    private mutating func validateEscape(at position: Int) throws(JSONSyntaxError) -> Int {
        guard position + 1 < bytes.count else {
            index = bytes.count
            throw truncation("the text ends inside a string escape")
        }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return position + 2
        case UInt8(ascii: "u"):
            guard position + 6 <= bytes.count else {
                index = bytes.count
                throw truncation("the text ends inside a \\u escape")
            }
            for offset in 2..<6 where Self.hexValue(bytes[position + offset]) == nil {
                index = position + offset
                throw error("\\u must be followed by four hexadecimal digits")
            }
            return position + 6
        default:
            index = position + 1
            throw error("unknown string escape '\\\(Character(Unicode.Scalar(bytes[position + 1])))'")
        }
    }

    /// Validates the UTF-8 sequence whose lead byte is at `position`; returns the offset after it.
    private mutating func validateMultiByteSequence(at position: Int) throws(JSONSyntaxError) -> Int {
        let lead = bytes[position]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default:
            index = position
            throw error("invalid UTF-8 (byte 0x\(String(lead, radix: 16)))")
        }
        guard position + length <= bytes.count else {
            index = position
            throw truncation("the text ends inside a UTF-8 sequence")
        }
        let second = bytes[position + 1]
        guard second >= lowerBound && second <= upperBound else {
            index = position
            throw error("invalid UTF-8 (byte 0x\(String(lead, radix: 16)) followed by 0x\(String(second, radix: 16)))")
        }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 {
            index = position
            throw error("invalid UTF-8 (a multi-byte sequence is cut short)")
        }
        return position + length
    }

    /// The string a reference points at, with escapes decoded.
    public func string(_ reference: JSONStringReference) -> String {
        let contents = UnsafeBufferPointer(rebasing: bytes[reference.start..<reference.end])
        guard reference.hasEscapes else { return String(decoding: contents, as: UTF8.self) }
        return Self.unescape(contents)
    }

    /// Whether the referenced string equals `literal` exactly.
    @inline(__always)
    public func matches(_ reference: JSONStringReference, _ literal: StaticString) -> Bool {
        guard !reference.hasEscapes, reference.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for offset in 0..<reference.count where bytes[reference.start + offset] != expected[offset] {
            return false
        }
        return true
    }

    /// Reads a string value, or `nil` for `null`; any other value is skipped and gives its
    /// text (numbers and booleans) or `nil` (arrays and objects).
    ///
    /// Audit records are loose about types (`"True"` and `true`, `"0"` and `0`), so the typed
    /// fields accept a scalar of any kind as text.
    public mutating func readScalarText() throws(JSONSyntaxError) -> String? {
        switch peek() ?? 0 {
        case UInt8(ascii: "\""):
            return string(try readString())
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return nil
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return "true"
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return "false"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let range = try readNumber()
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        default:
            try skipValue()
            return nil
        }
    }

    /// The text of any value: scalars as with ``readScalarText()``, arrays and objects as
    /// compact JSON.
    public mutating func readValueText() throws(JSONSyntaxError) -> String? {
        switch peek() {
        case UInt8(ascii: "["), UInt8(ascii: "{"): try readValue().jsonText
        default: try readScalarText()
        }
    }

    /// Reads an integer written as a JSON number or as a string of digits; `nil` for
    /// anything else (which is skipped).
    public mutating func readInteger() throws(JSONSyntaxError) -> Int64? {
        switch peek() ?? 0 {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Self.integer(in: UnsafeBufferPointer(rebasing: bytes[try readNumber()]))
        case UInt8(ascii: "\""):
            let reference = try readString()
            guard !reference.hasEscapes else { return nil }
            return Self.integer(in: UnsafeBufferPointer(rebasing: bytes[reference.start..<reference.end]))
        default:
            try skipValue()
            return nil
        }
    }

    // MARK: - Values

    /// Skips one value of any kind, validating it.
    public mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error("values nest more than \(Self.maximumDepth) levels deep") }
        switch peek() ?? 0 {
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "{"):
            var object = try beginObject()
            while try nextKey(in: &object) != nil {
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            var array = try beginArray()
            while try nextElement(in: &array) {
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "t"): try readLiteral("true")
        case UInt8(ascii: "f"): try readLiteral("false")
        case UInt8(ascii: "n"): try readLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber()
        case 0: throw truncation("the text ends where a value was expected")
        default: throw error(expecting: "a value")
        }
    }

    /// Reads one value of any kind into a tree.
    public mutating func readValue(depth: Int = 0) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("values nest more than \(Self.maximumDepth) levels deep") }
        switch peek() ?? 0 {
        case UInt8(ascii: "\""):
            return .string(string(try readString()))
        case UInt8(ascii: "{"):
            var members: [JSONValue.Member] = []
            var object = try beginObject()
            while let key = try nextKey(in: &object) {
                members.append(JSONValue.Member(key: string(key), value: try readValue(depth: depth + 1)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            var array = try beginArray()
            while try nextElement(in: &array) {
                elements.append(try readValue(depth: depth + 1))
            }
            return .array(elements)
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let range = try readNumber()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        case 0:
            throw truncation("the text ends where a value was expected")
        default:
            throw error(expecting: "a value")
        }
    }

    /// Consumes `literal` (`true`, `false` or `null`).
    public mutating func readLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else {
            throw truncation("the text ends inside '\(literal)'")
        }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw error(expecting: "'\(literal)'")
        }
        index += count
    }

    /// Reads a number per the JSON grammar and returns the range of its text.
    public mutating func readNumber() throws(JSONSyntaxError) -> Range<Int> {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw error("a number needs a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw error("a decimal point needs a digit after it") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw error("an exponent needs a digit") }
            skipDigits()
        }
        return start..<index
    }

    private mutating func skipDigits() {
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }

    // MARK: - Errors

    public func error(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, reason: reason)
    }

    /// An error saying the text ended too early (see ``JSONSyntaxError/isTruncation``).
    public func truncation(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: bytes.count, reason: reason, isTruncation: true)
    }

    private func error(expecting expected: String) -> JSONSyntaxError {
        guard index < bytes.count else { return truncation("the text ends where \(expected) was expected") }
        let found = bytes[index]
        let shown = found >= 0x20 && found < 0x7F ? "'\(Character(Unicode.Scalar(found)))'" : "byte 0x\(String(found, radix: 16))"
        return error("expected \(expected), found \(shown)")
    }

    // MARK: - Helpers

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Whether none of the eight bytes of `word` is `"`, `\`, below 0x20 or above 0x7F
    /// (the bit tricks from Sean Anderson's "Bit Twiddling Hacks": `hasless`, `haszero`).
    @inline(__always)
    static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highs == 0
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32? {
        let digit = byte &- UInt8(ascii: "0")
        if digit < 10 { return UInt32(digit) }
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? UInt32(letter) + 10 : nil
    }

    /// Parses an optionally signed decimal integer that fills `text` exactly.
    static func integer(in text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var digits = text[...]
        var negative = false
        if digits.first == UInt8(ascii: "-") {
            negative = true
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// Decodes the escapes in a validated string's contents.
    static func unescape(_ contents: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(contents.count)
        var i = 0
        while i < contents.count {
            let byte = contents[i]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                i += 1
                continue
            }
            let escaped = contents[i + 1]
            i += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexQuad(contents, at: i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar), i + 6 <= contents.count, contents[i] == UInt8(ascii: "\\"),
                    contents[i + 1] == UInt8(ascii: "u")
                {
                    let low = hexQuad(contents, at: i + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                let decoded = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                output.append(contentsOf: UTF8.encode(decoded)!)
            default: output.append(escaped)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexQuad(_ contents: UnsafeBufferPointer<UInt8>, at position: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            value = value << 4 | (hexValue(contents[position + offset]) ?? 0)
        }
        return value
    }
}
