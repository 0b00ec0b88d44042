#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file forward through a window of bytes held in memory, so that a file of any size
/// is decoded in bounded memory.
///
/// Decoders work with indices into ``bytes``. When they need more, they call
/// ``readMore(keepingFrom:)`` with the first index they still need; bytes before it are
/// dropped, and the decoder shifts its indices by the returned amount.
final class FileWindow {
    /// How much one read asks the operating system for.
    static let readSize = 1 << 20

    /// The bytes currently held, starting at file offset ``fileOffset``.
    private(set) var bytes: [UInt8] = []
    /// The file offset of `bytes[0]`.
    private(set) var fileOffset: Int64 = 0
    /// Whether the last read reached the end of the file.
    private(set) var isAtEndOfFile = false

    private let descriptor: Int32
    private var scratch = [UInt8](repeating: 0, count: FileWindow.readSize)

    /// Opens `path` for reading.
    ///
    /// - Throws: ``IngestError`` `.unreadableFile` with the system's reason.
    init(path: String) throws(IngestError) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IngestError(code: .unreadableFile, message: "\(path): cannot open: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw IngestError(code: .unreadableFile, message: "\(path): is a directory, not a file")
        }
    }

    deinit {
        close(descriptor)
    }

    /// The file's size in bytes.
    var fileSize: Int64 {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int64(status.st_size) : 0
    }

    /// Empties the window and continues reading from `offset`.
    func seek(to offset: Int64) throws(IngestError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw IngestError(code: .unreadableFile, message: "cannot seek: \(String(cString: strerror(errno)))")
        }
        bytes.removeAll(keepingCapacity: true)
        fileOffset = offset
        isAtEndOfFile = false
    }

    /// Drops the bytes before `position` and appends the next read.
    ///
    /// - Returns: how many bytes were dropped from the front: subtract it from held indices.
    /// - Throws: ``IngestError`` `.unreadableFile` when the read fails.
    @discardableResult
    func readMore(keepingFrom position: Int) throws(IngestError) -> Int {
        let dropped = min(position, bytes.count)
        if dropped > 0 {
            bytes.removeSubrange(0..<dropped)
            fileOffset += Int64(dropped)
        }
        guard !isAtEndOfFile else { return dropped }
        let count = scratch.withUnsafeMutableBytes { buffer in
            var result: Int
            repeat {
                result = read(descriptor, buffer.baseAddress, buffer.count)
            } while result < 0 && errno == EINTR
            return result
        }
        guard count >= 0 else {
            throw IngestError(code: .unreadableFile, message: "read failed: \(String(cString: strerror(errno)))")
        }
        if count == 0 {
            isAtEndOfFile = true
        } else {
            bytes.append(contentsOf: scratch[0..<count])
        }
        return dropped
    }

    /// Reads until at least `count` bytes are held or the file ends.
    func fill(atLeast count: Int) throws(IngestError) {
        while bytes.count < count && !isAtEndOfFile {
            try readMore(keepingFrom: 0)
        }
    }
}
