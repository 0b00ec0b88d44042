/// A JSON value as a tree, for the parts of a record read by name at leisure (property bags,
/// nested contexts, rule fields) rather than on the import hot path.
///
/// Numbers keep their original text so that nothing is lost to floating point; objects keep
/// their members in order, duplicates included, as the text had them.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, as written in the text.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object's members in their original order.
    case object([Member])

    /// One `"key": value` member of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Parses a complete JSON text.
    ///
    /// - Throws: ``JSONSyntaxError`` with the byte offset of the first problem.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONSyntaxError) {
        let parsed: Result<JSONValue, JSONSyntaxError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Self.parse(buffer)
        }
        switch parsed ?? Self.parse(Array(bytes)) {
        case .success(let value): self = value
        case .failure(let error): throw error
        }
    }

    /// Parses a complete JSON text held in a string.
    public init(parsing text: String) throws(JSONSyntaxError) {
        try self.init(parsing: Array(text.utf8))
    }

    private static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONSyntaxError> {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONSyntaxError> {
        var scanner = JSONScanner(buffer)
        do throws(JSONSyntaxError) {
            let value = try scanner.readValue()
            try scanner.expectEnd()
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    /// The first member named `key` (exact match), if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A scalar as text: strings as they are, numbers as written, booleans as `true`/`false`;
    /// `nil` for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The value as compact JSON text.
    public var jsonText: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): output += JSONText.quoted(text)
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { output += "," }
                output += JSONText.quoted(member.key)
                output += ":"
                member.value.write(to: &output)
            }
            output += "}"
        }
    }
}
