public import BreakwaterModel

/// A file being imported: what it is, and how far earlier attempts got.
public struct ImportSource: Sendable, Hashable {
    /// The file and its content fingerprint.
    public var reference: SourceReference
    /// The format the file was read as (for the journal and messages).
    public var format: String
    /// The `--tenant` the import was asked for, if any. An import resumes only with the same
    /// tenant, since the tenant changes what is stored.
    public var tenantOption: String?

    public init(reference: SourceReference, format: String, tenantOption: String?) {
        self.reference = reference
        self.format = format
        self.tenantOption = tenantOption
    }
}

/// One import of one file, recorded in the import journal.
public struct ImportRun: Sendable {
    /// The journal entry's id.
    public struct ID: Sendable, Hashable {
        public var rawValue: Int64
        public init(rawValue: Int64) { self.rawValue = rawValue }
    }

    public var id: ID
    /// Where to continue reading: the start for a new run, the last committed point for a
    /// resumed one.
    public var resumePoint: ResumePoint
    /// The totals up to the resume point.
    public var totals: ImportTotals
    /// Whether this run continues an interrupted one.
    public var isResumed: Bool

    public init(id: ID, resumePoint: ResumePoint, totals: ImportTotals, isResumed: Bool) {
        self.id = id
        self.resumePoint = resumePoint
        self.totals = totals
        self.isResumed = isResumed
    }
}

/// A place in a file where reading can restart: a byte offset at a record boundary, its line,
/// and the decoder's structural state there (for example "inside the top-level array").
public struct ResumePoint: Sendable, Hashable {
    public var byteOffset: Int64
    public var line: Int64
    /// Decoder-specific; 0 is always "at the start of a top-level value or row".
    public var state: Int

    public init(byteOffset: Int64 = 0, line: Int64 = 1, state: Int = 0) {
        self.byteOffset = byteOffset
        self.line = line
        self.state = state
    }

    /// The start of a file.
    public static let start = ResumePoint()
}

/// Progress written with a batch: where the run has reached once the batch is committed,
/// and what reading the batch counted.
public struct ImportProgress: Sendable {
    public var run: ImportRun.ID
    public var resumePoint: ResumePoint
    /// The batch's records, quarantined records and per-workload records. The store adds
    /// the batch's inserted and duplicate counts (see ``ImportTotals/add(_:of:)``) and
    /// accumulates the result into the run's journaled totals.
    public var read: ImportTotals

    public init(run: ImportRun.ID, resumePoint: ResumePoint, read: ImportTotals) {
        self.run = run
        self.resumePoint = resumePoint
        self.read = read
    }
}

/// Counts for an import.
public struct ImportTotals: Sendable, Hashable, Codable {
    /// Records read (decoded or quarantined).
    public var records: Int = 0
    /// Events that were new to the archive.
    public var inserted: Int = 0
    /// Events the archive already held.
    public var duplicates: Int = 0
    /// Records quarantined.
    public var quarantined: Int = 0
    /// Per workload: records decoded and events inserted.
    public var workloads: [String: WorkloadTotals] = [:]

    public init() {}
}

extension ImportTotals {
    /// The workload name counted for records that have none.
    public static let noWorkload = "(none)"

    /// Adds every count of `other` to these.
    public mutating func merge(_ other: ImportTotals) {
        records += other.records
        inserted += other.inserted
        duplicates += other.duplicates
        quarantined += other.quarantined
        for (workload, counts) in other.workloads {
            workloads[workload, default: WorkloadTotals()].records += counts.records
            workloads[workload, default: WorkloadTotals()].inserted += counts.inserted
        }
    }

    /// Adds what writing a batch of `events` did: inserted and duplicate counts, overall and
    /// per workload. Stores apply this same rule to the totals they journal.
    public mutating func add(_ result: ArchiveWriteResult, of events: [Event]) {
        for (event, wasInserted) in zip(events, result.inserted) {
            if wasInserted {
                inserted += 1
                workloads[event.workload ?? Self.noWorkload, default: WorkloadTotals()].inserted += 1
            } else {
                duplicates += 1
            }
        }
    }
}

/// Counts for one workload within an import.
public struct WorkloadTotals: Sendable, Hashable, Codable {
    public var records: Int = 0
    public var inserted: Int = 0

    public init(records: Int = 0, inserted: Int = 0) {
        self.records = records
        self.inserted = inserted
    }
}
