/// The location of a JSON string's contents (between its quotes) inside a buffer.
///
/// Keys and values are first found as references so that a reader can compare them with the
/// names it is looking for without allocating; only the strings it keeps become `String`s.
public struct JSONStringReference: Sendable, Hashable {
    /// Offset of the first byte after the opening quote.
    public var start: Int
    /// Offset of the closing quote.
    public var end: Int
    /// Whether the contents hold a backslash escape, so the bytes are not the string itself.
    public var hasEscapes: Bool

    public var count: Int { end - start }
}
