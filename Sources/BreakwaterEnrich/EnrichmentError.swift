/// An enrichment source that cannot be used. Enrichment then degrades (less is known about
/// addresses) rather than stopping anything.
public struct EnrichmentError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
