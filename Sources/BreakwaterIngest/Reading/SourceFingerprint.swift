/// Identifies a file by its content, so that an interrupted import resumes only on the same
/// data and a re-read of the same data is recognised whatever the file is called.
///
/// The fingerprint is the size plus a 64-bit FNV-1a hash of the first MiB and the last
/// 64 KiB: cheap on a 5 GB file, and different whenever a file is replaced, truncated or
/// appended to. It is an identity, not a security check.
enum SourceFingerprint {
    static func of(_ window: FileWindow) throws(IngestError) -> String {
        let size = window.fileSize
        var hash = offsetBasis
        func mix(_ bytes: ArraySlice<UInt8>) { hash = fnv1a(bytes, from: hash) }
        try window.seek(to: 0)
        try window.fill(atLeast: 1 << 20)
        mix(window.bytes.prefix(1 << 20))
        let tailStart = max(0, size - (64 << 10))
        if tailStart > Int64(window.bytes.count) {
            try window.seek(to: tailStart)
            try window.fill(atLeast: 64 << 10)
            mix(window.bytes.prefix(64 << 10))
        }
        try window.seek(to: 0)
        return text(size: size, hash: hash)
    }

    /// The fingerprint of `bytes` held in memory (a record collected from an API): its size
    /// and the hash of all of it.
    static func of(_ bytes: [UInt8]) -> String {
        text(size: Int64(bytes.count), hash: fnv1a(bytes[...], from: offsetBasis))
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    private static func fnv1a(_ bytes: ArraySlice<UInt8>, from start: UInt64) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    private static func text(size: Int64, hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return "\(size)-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
