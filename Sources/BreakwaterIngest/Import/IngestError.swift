/// A file that cannot be imported at all, with a message that says what to do.
///
/// Individual bad records never raise this: they are quarantined and the import goes on.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The file cannot be opened or read.
        public static let unreadableFile = Code("unreadable-file")
        /// The file is not in any format Breakwater reads.
        public static let unknownFormat = Code("unknown-format")
        /// The `--tenant` given is not a tenant GUID.
        public static let invalidTenant = Code("invalid-tenant")

        public var description: String { name }
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
