/// A store that cannot do what was asked, with a message safe to show anyone.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The database file cannot be opened or created.
        public static let cannotOpen = Code("cannot-open")
        /// The database was written by a newer Breakwater.
        public static let newerSchema = Code("newer-schema")
        /// Stored data could not be read back (corruption or an unknown codec).
        public static let corrupt = Code("corrupt")
        /// A write referenced an import run that does not exist.
        public static let unknownImportRun = Code("unknown-import-run")
        /// A collected batch led to alerts or messages of another tenant than its own.
        public static let tenantMismatch = Code("tenant-mismatch")

        public var description: String { name }
    }

    public var code: Code
    public var message: String
    /// The engine's own error, for logs (its description may hold SQL).
    public var underlying: (any Error)?

    public init(code: Code, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}
