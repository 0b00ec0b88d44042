import BreakwaterStore
import CZstd

/// Zstandard compression of raw-record chunks.
///
/// A compressor keeps its context between chunks (creating one per chunk would cost more
/// than compressing); it is not thread-safe, so each writer owns one.
final class ZstdCompressor {
    /// Level 1: the fastest standard level; audit JSON still compresses about tenfold.
    static let level: Int32 = 1
    /// The codec number stored with data this compressor wrote.
    static let codec = 1

    private let context: OpaquePointer

    init() {
        context = ZSTD_createCCtx()
    }

    deinit {
        ZSTD_freeCCtx(context)
    }

    /// `input` compressed into one Zstandard frame that records its own size.
    func compress(_ input: [UInt8]) throws(StoreError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(input.count))
        let written = output.withUnsafeMutableBytes { destination in
            input.withUnsafeBytes { source in
                ZSTD_compressCCtx(context, destination.baseAddress, destination.count, source.baseAddress, source.count, Self.level)
            }
        }
        guard ZSTD_isError(written) == 0 else {
            throw StoreError.corrupt("compression failed: \(String(cString: ZSTD_getErrorName(written)))")
        }
        output.removeSubrange(written...)
        return output
    }
}

/// Zstandard decompression of raw-record chunks.
enum ZstdDecompressor {
    /// The largest chunk accepted when reading (chunks are written far smaller).
    static let maximumSize = 1 << 30

    static func decompress(_ input: [UInt8]) throws(StoreError) -> [UInt8] {
        let size = input.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        guard size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN, size <= UInt64(maximumSize) else {
            throw StoreError.corrupt("a stored chunk is not a readable Zstandard frame")
        }
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: Int(size)) { destination, count in
            let written = input.withUnsafeBytes { source in
                ZSTD_decompress(destination.baseAddress, destination.count, source.baseAddress, source.count)
            }
            failed = ZSTD_isError(written) != 0 || written != Int(size)
            count = failed ? 0 : written
        }
        guard !failed else { throw StoreError.corrupt("a stored chunk could not be decompressed") }
        return output
    }
}
