extension AuditRecord {
    /// The outcome of reading one record from the front of a buffer.
    public enum Reading: Sendable {
        /// A record, and how many bytes its JSON took.
        case record(AuditRecord, length: Int)
        /// Well-formed JSON of `length` bytes that is not a usable record (no `Id`, not an
        /// object, …).
        case rejected(AuditRecordError, length: Int)
        /// Broken JSON: where the record ends is unknown. When the error is a truncation, a
        /// streaming reader may read more and try again.
        case malformed(JSONSyntaxError)
    }

    /// Reads the record whose JSON starts at the front of `buffer` and stops after it,
    /// whatever follows.
    ///
    /// This is how streaming decoders read records in place inside their read buffer: one
    /// validating pass, then one copy of the record's bytes into ``raw``.
    ///
    /// - Parameters:
    ///   - buffer: bytes starting with the record (leading whitespace allowed).
    ///   - source: which log the record comes from, which decides how it is read.
    public static func read(_ buffer: UnsafeBufferPointer<UInt8>, from source: RecordSource) -> Reading {
        switch source {
        case .unifiedAuditLog: readUnifiedAuditLog(buffer)
        case .graphSignIn: readGraphSignIn(buffer)
        }
    }

    /// Reads a buffer that must hold exactly one record (trailing whitespace allowed).
    static func readWhole(_ raw: [UInt8], from source: RecordSource) throws(AuditRecordError) -> AuditRecord {
        let reading = raw.withUnsafeBufferPointer { read($0, from: source) }
        switch reading {
        case .record(let record, let length):
            guard raw[length...].allSatisfy(isJSONWhitespace) else {
                throw AuditRecordError(JSONSyntaxError(offset: length, reason: "unexpected text after the end of the record"))
            }
            return record
        case .rejected(let error, _):
            throw error
        case .malformed(let error):
            throw AuditRecordError(error)
        }
    }

    /// The buffer from its first non-whitespace byte, and how many bytes were skipped.
    static func trimmingLeadingWhitespace(_ buffer: UnsafeBufferPointer<UInt8>) -> (UnsafeBufferPointer<UInt8>, skipped: Int) {
        var start = 0
        while start < buffer.count, isJSONWhitespace(buffer[start]) { start += 1 }
        return (UnsafeBufferPointer(rebasing: buffer[start...]), start)
    }
}

@inline(__always)
func isJSONWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
}
