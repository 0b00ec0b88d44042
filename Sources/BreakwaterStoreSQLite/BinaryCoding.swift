import BreakwaterModel
import BreakwaterStore
import Foundation

/// Appends compact binary fields (LEB128 varints, raw bytes) to a buffer.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A signed value, zigzag-encoded so that small negatives stay small.
    mutating func writeSignedVarint(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func writeByte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func write(_ value: some Collection<UInt8>) {
        bytes.append(contentsOf: value)
    }
}

/// Reads what a ``BinaryWriter`` wrote; any inconsistency is reported as a damaged archive.
struct BinaryReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func readVarint() throws(StoreError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw StoreError.corrupt("a segment's index is cut short") }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readSignedVarint() throws(StoreError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func readByte() throws(StoreError) -> UInt8 {
        guard position < bytes.count else { throw StoreError.corrupt("a segment's index is cut short") }
        defer { position += 1 }
        return bytes[position]
    }

    /// Sixteen bytes as a GUID.
    mutating func readGUID() throws(StoreError) -> UUID {
        guard position + 16 <= bytes.count else { throw StoreError.corrupt("a segment's index is cut short") }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &value) { destination in
            bytes.withUnsafeBytes { source in
                destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + 16)]))
            }
        }
        position += 16
        return UUID(uuid: value)
    }

    /// Sixteen bytes as an address (big-endian, IPv4-mapped for IPv4).
    mutating func readAddress() throws(StoreError) -> IPAddress {
        guard position + 16 <= bytes.count else { throw StoreError.corrupt("a segment's index is cut short") }
        let (high, low) = bytes.withUnsafeBytes { buffer in
            (
                UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self)),
                UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: position + 8, as: UInt64.self))
            )
        }
        position += 16
        return IPAddress(high: high, low: low)
    }

    mutating func read(count: Int) throws(StoreError) -> ArraySlice<UInt8> {
        guard count >= 0, position + count <= bytes.count else { throw StoreError.corrupt("a segment's index is cut short") }
        defer { position += count }
        return bytes[position..<(position + count)]
    }
}
