public import BreakwaterModel

/// How far a stream has been read, committed with the data it covers, so that it is never
/// ahead of what is stored.
public struct CollectionCheckpoint: Sendable, Hashable {
    /// Everything available before this time has been read (for the Management Activity API:
    /// content created before it; for sign-ins: sign-ins created before it).
    public var readUntil: Timestamp
    /// The newest content read (its `contentCreated`, or the newest sign-in): the stream's lag
    /// is the time since.
    public var newestContent: Timestamp?

    public init(readUntil: Timestamp, newestContent: Timestamp? = nil) {
        self.readUntil = readUntil
        self.newestContent = newestContent
    }
}
