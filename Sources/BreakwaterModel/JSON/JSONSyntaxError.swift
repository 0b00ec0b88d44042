/// JSON text that could not be read, with the byte offset where reading stopped.
///
/// The offset is relative to the start of the text handed to the reader, so a decoder that
/// knows where that text began in a file can report an exact position.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset (from 0) of the first byte that could not be accepted.
    public var offset: Int
    /// What was wrong, written for a person ("expected ':' after an object key").
    public var reason: String
    /// Whether the text simply stopped too early: a streaming reader holding only part of a
    /// file can read more and try again; at the end of a file it means a truncated record.
    public var isTruncation: Bool

    public init(offset: Int, reason: String, isTruncation: Bool = false) {
        self.offset = offset
        self.reason = reason
        self.isTruncation = isTruncation
    }

    public var description: String { "malformed JSON at byte \(offset): \(reason)" }
}
