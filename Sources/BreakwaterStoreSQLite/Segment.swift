import BreakwaterModel
import BreakwaterStore

/// A group of up to a few hundred events of one tenant, stored as one row: a compressed
/// index of their searchable fields and, apart, their original records compressed together.
///
/// Grouping is what makes the archive fast to fill: one row and a handful of term postings
/// per few hundred events instead of a row and several index entries per event, and JSON
/// compresses far better in bulk. Only the de-duplication key stays per event. A search
/// reads a segment's small index first and decompresses its records only when one matches.
enum Segment {
    /// The most events one segment holds: small enough that reading one record back means
    /// decompressing a few hundred kilobytes at most.
    static let maximumEvents = 256

    /// The searchable fields of one event, as the segment index stores them.
    struct Entry: Sendable {
        var time: Int64
        var id: RecordID
        /// Interned name ids; 0 when absent.
        var actor: Int64
        var operation: Int64
        var workload: Int64
        var address: IPAddress?
        var recordType: Int
        var kind: ActionKind
        var outcome: Outcome
        var source: RecordSource
        /// The length of the event's original record.
        var rawLength: Int
    }

    /// Collects events for one segment.
    final class Builder {
        let id: Int64
        let tenant: Int64
        private(set) var entries: [Entry] = []
        private var raw: [UInt8] = []

        init(id: Int64, tenant: Int64) {
            self.id = id
            self.tenant = tenant
            entries.reserveCapacity(Segment.maximumEvents)
            raw.reserveCapacity(1 << 19)
        }

        /// The slot the next event will have.
        var count: Int { entries.count }
        var isFull: Bool { entries.count >= Segment.maximumEvents }

        func append(_ entry: Entry, raw record: [UInt8]) {
            entries.append(entry)
            raw.append(contentsOf: record)
        }

        var minimumTime: Int64 { entries.lazy.map(\.time).min() ?? 0 }
        var maximumTime: Int64 { entries.lazy.map(\.time).max() ?? 0 }

        /// The index, before compression.
        func encodedIndex() -> [UInt8] {
            var writer = BinaryWriter()
            writer.reserve(entries.count * 48)
            writer.writeVarint(UInt64(entries.count))
            for entry in entries {
                writer.writeSignedVarint(entry.time)
                switch entry.id {
                case .guid:
                    writer.writeByte(0)
                    writer.write(entry.id.storageBytes)
                case .text(let text):
                    writer.writeByte(1)
                    writer.writeVarint(UInt64(text.utf8.count))
                    writer.write(text.utf8)
                }
                writer.writeVarint(UInt64(entry.actor))
                writer.writeVarint(UInt64(entry.operation))
                writer.writeVarint(UInt64(entry.workload))
                if let address = entry.address {
                    writer.writeByte(1)
                    writer.write(address.bytes)
                } else {
                    writer.writeByte(0)
                }
                writer.writeSignedVarint(Int64(entry.recordType))
                writer.writeByte(UInt8(entry.kind.rawValue))
                writer.writeByte(UInt8(entry.outcome.storageCode))
                writer.writeByte(UInt8(entry.source.rawValue))
                writer.writeVarint(UInt64(entry.rawLength))
            }
            return writer.bytes
        }

        /// The original records back to back, before compression.
        var encodedRecords: [UInt8] { raw }
    }

    /// Decodes a segment's index.
    static func decodeIndex(_ bytes: [UInt8]) throws(StoreError) -> [Entry] {
        var reader = BinaryReader(bytes)
        let count = Int(try reader.readVarint())
        guard count <= maximumEvents else { throw StoreError.corrupt("a segment claims too many events") }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let time = try reader.readSignedVarint()
            let id: RecordID
            switch try reader.readByte() {
            case 0:
                id = .guid(try reader.readGUID())
            default:
                let length = Int(try reader.readVarint())
                id = .text(String(decoding: try reader.read(count: length), as: UTF8.self))
            }
            let actor = Int64(try reader.readVarint())
            let operation = Int64(try reader.readVarint())
            let workload = Int64(try reader.readVarint())
            let address = try reader.readByte() == 1 ? try reader.readAddress() : nil
            let recordType = Int(try reader.readSignedVarint())
            let kind = ActionKind(rawValue: Int(try reader.readByte())) ?? .other
            let outcome = Outcome(storageCode: Int(try reader.readByte()))
            let source = RecordSource(rawValue: Int(try reader.readByte())) ?? .unifiedAuditLog
            let rawLength = Int(try reader.readVarint())
            entries.append(
                Entry(
                    time: time, id: id, actor: actor, operation: operation, workload: workload, address: address,
                    recordType: recordType, kind: kind, outcome: outcome, source: source, rawLength: rawLength))
        }
        return entries
    }
}

/// The fields whose values are posted per segment, so that a search finds the segments
/// holding a user, an address, an operation, a workload or a kind without reading the rest.
enum TermField: Int {
    case actor = 0
    case address = 1
    case operation = 2
    case workload = 3
    case kind = 4
}
