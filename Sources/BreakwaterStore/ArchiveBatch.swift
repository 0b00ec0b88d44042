public import BreakwaterModel

/// Everything one read of a source produced, to be committed together.
public struct ArchiveBatch: Sendable {
    /// Decoded events; duplicates of stored events are ignored.
    public var events: [Event]
    /// Records that could not be decoded.
    public var quarantined: [QuarantinedRecord]
    /// For a file import: how far the file has been read once this batch is committed, and
    /// the running totals. Written in the same transaction, so a restart resumes exactly
    /// after the last committed batch.
    public var importProgress: ImportProgress?

    public init(events: [Event] = [], quarantined: [QuarantinedRecord] = [], importProgress: ImportProgress? = nil) {
        self.events = events
        self.quarantined = quarantined
        self.importProgress = importProgress
    }
}

/// What writing a batch changed.
public struct ArchiveWriteResult: Sendable, Equatable {
    /// For each event of the batch, in order: whether it was new (`false`: already stored).
    public var inserted: [Bool]

    public init(inserted: [Bool]) {
        self.inserted = inserted
    }

    /// How many events were new.
    public var insertedCount: Int { inserted.lazy.filter { $0 }.count }
    /// How many events were already stored.
    public var duplicateCount: Int { inserted.count - insertedCount }
}
