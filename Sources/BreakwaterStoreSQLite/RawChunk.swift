import BreakwaterStore

/// A group of original records of one tenant, stored together and compressed as one.
///
/// Compressing records in groups is what makes keeping every raw record affordable: similar
/// JSON compresses far better together, and one row per few hundred records costs a fraction
/// of one row per record. Layout before compression: a little-endian `UInt32` record count,
/// then one `UInt32` end offset per record, then the records' bytes back to back.
enum RawChunk {
    /// The codec number stored with each chunk.
    static let zstdCodec = 1
    /// The most records one chunk holds: small enough that reading one record back means
    /// decompressing a few hundred kilobytes at most.
    static let maximumRecords = 256

    /// Collects records for one chunk.
    final class Builder {
        let id: Int64
        let tenant: Int64
        private var ends: [UInt32] = []
        private var data: [UInt8] = []

        init(id: Int64, tenant: Int64) {
            self.id = id
            self.tenant = tenant
            data.reserveCapacity(1 << 19)
        }

        /// The slot the next appended record will have.
        var count: Int { ends.count }
        var isFull: Bool { ends.count >= RawChunk.maximumRecords }

        func append(_ record: [UInt8]) {
            data.append(contentsOf: record)
            ends.append(UInt32(data.count))
        }

        /// The chunk's bytes before compression.
        func encoded() -> [UInt8] {
            var output: [UInt8] = []
            output.reserveCapacity(4 + 4 * ends.count + data.count)
            appendLittleEndian(UInt32(ends.count), to: &output)
            for end in ends { appendLittleEndian(end, to: &output) }
            output.append(contentsOf: data)
            return output
        }
    }

    /// A decompressed chunk, read record by record.
    struct Contents {
        private let bytes: [UInt8]
        private let count: Int

        init(decoding bytes: [UInt8]) throws(StoreError) {
            guard bytes.count >= 4 else { throw StoreError.corrupt("a chunk is shorter than its header") }
            let count = Int(readLittleEndian(bytes, at: 0))
            guard bytes.count >= 4 + 4 * count else { throw StoreError.corrupt("a chunk's record table is cut short") }
            self.bytes = bytes
            self.count = count
        }

        /// The record at `slot`.
        func record(at slot: Int) throws(StoreError) -> [UInt8] {
            guard slot >= 0, slot < count else { throw StoreError.corrupt("an event points past the end of its chunk") }
            let base = 4 + 4 * count
            let start = slot == 0 ? 0 : Int(readLittleEndian(bytes, at: 4 + 4 * (slot - 1)))
            let end = Int(readLittleEndian(bytes, at: 4 + 4 * slot))
            guard start <= end, base + end <= bytes.count else { throw StoreError.corrupt("a chunk's record table is inconsistent") }
            return Array(bytes[(base + start)..<(base + end)])
        }
    }
}

private func appendLittleEndian(_ value: UInt32, to output: inout [UInt8]) {
    output.append(UInt8(truncatingIfNeeded: value))
    output.append(UInt8(truncatingIfNeeded: value >> 8))
    output.append(UInt8(truncatingIfNeeded: value >> 16))
    output.append(UInt8(truncatingIfNeeded: value >> 24))
}

private func readLittleEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
}
