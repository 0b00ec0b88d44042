/// A record that cannot be read, with a reason written for the person who will look at the
/// quarantine.
public struct AuditRecordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is; stable for programs to branch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The text is not well-formed JSON or not valid UTF-8.
        public static let malformedJSON = Code("malformed-json")
        /// The JSON is well-formed but not an object.
        public static let notAnObject = Code("not-an-object")
        /// The record has no `Id` (or Graph `id`).
        public static let missingID = Code("missing-id")
        /// The record has no `CreationTime` (or Graph `createdDateTime`).
        public static let missingCreationTime = Code("missing-creation-time")
        /// The record's time is not an ISO-8601 date-time.
        public static let invalidCreationTime = Code("invalid-creation-time")
        /// A wrapper (CSV row, `Search-UnifiedAuditLog` object) holds no `AuditData` record.
        public static let missingAuditData = Code("missing-audit-data")

        public var description: String { name }
    }

    public var code: Code
    /// What happened and, where it helps, what to do.
    public var message: String
    /// For malformed JSON: the byte offset within the record where reading stopped.
    public var offset: Int?

    public init(code: Code, message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    /// Wraps a JSON syntax error.
    public init(_ error: JSONSyntaxError) {
        self.init(code: .malformedJSON, message: error.description, offset: error.offset)
    }

    public var description: String { message }
}
