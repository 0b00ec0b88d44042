public import BreakwaterModel
public import BreakwaterStore

/// What a decoder reads from a file: a record, or bytes that are not one.
public enum DecodedItem: Sendable {
    case record(AuditRecord, SourcePosition)
    case failure(DecodeFailure)
}

/// Bytes that could not be decoded into a record, with why and where.
public struct DecodeFailure: Sendable {
    public var position: SourcePosition
    public var reason: QuarantineReason
    /// The bytes (all of them, or a leading sample when the record is over the size limit).
    public var raw: [UInt8]
    /// The full length in bytes.
    public var length: Int

    public init(position: SourcePosition, reason: QuarantineReason, raw: [UInt8], length: Int? = nil) {
        self.position = position
        self.reason = reason
        self.raw = raw
        self.length = length ?? raw.count
    }
}

extension QuarantineReason {
    /// The reason a record was rejected by the model.
    init(_ error: AuditRecordError) {
        self.init(code: error.code.description, message: error.message)
    }

    static func truncated() -> QuarantineReason {
        QuarantineReason(code: "truncated", message: "the file ends inside this record (truncated)")
    }

    static func tooLarge(_ length: Int) -> QuarantineReason {
        QuarantineReason(
            code: "too-large",
            message: "the record is \(length) bytes, over the \(RecordDecoderLimits.maximumRecordBytes >> 20) MiB limit; "
                + "the quarantine keeps its first \(RecordDecoderLimits.oversizedSampleBytes >> 10) KiB")
    }
}

/// Sizes that bound a decoder's memory whatever the input.
public enum RecordDecoderLimits {
    /// The largest record read; larger ones are quarantined (real audit records stay far
    /// below: the largest, aggregated `MailItemsAccessed`, are around a megabyte).
    public static let maximumRecordBytes = 64 << 20
    /// How much of an oversized record the quarantine keeps.
    public static let oversizedSampleBytes = 64 << 10
}

/// A decoder: reads one file's records in order, and says where it could restart.
protocol RecordDecoder: AnyObject {
    /// The next record or failure; `nil` at the end of the file.
    func next() throws(IngestError) -> DecodedItem?
    /// Where reading can restart after the last item returned.
    var resumePoint: ResumePoint { get }
}
