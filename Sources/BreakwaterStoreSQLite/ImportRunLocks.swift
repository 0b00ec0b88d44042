#if canImport(Glibc)
import Glibc
#endif
import BreakwaterStore
import Synchronization

/// Marks which import runs are being worked on right now, so that a run is resumed only
/// when the process that started it is gone.
///
/// Each run owns one byte of a lock file, locked with an open-file-description lock: the
/// kernel releases it the instant its holder exits, however it exits (even `kill -9`), and
/// two imports in the same process exclude each other just as two processes do.
final class ImportRunLocks: Sendable {
    /// `F_OFD_SETLK` from Linux's `<fcntl.h>` (visible to C only with `_GNU_SOURCE`).
    private static let setOpenFileDescriptionLock: Int32 = 37

    private let path: String
    private let held = Mutex<[Int64: Int32]>([:])

    init(path: String) {
        self.path = path
    }

    deinit {
        held.withLock { descriptors in
            for descriptor in descriptors.values { close(descriptor) }
        }
    }

    /// Takes the lock for `run`; `false` when another import holds it.
    func acquire(_ run: ImportRun.ID) -> Bool {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = off_t(run.rawValue)
        lock.l_len = 1
        lock.l_pid = 0
        guard fcntl(descriptor, Self.setOpenFileDescriptionLock, &lock) == 0 else {
            close(descriptor)
            return false
        }
        held.withLock { $0[run.rawValue] = descriptor }
        return true
    }

    /// Releases the lock for `run`, if this process holds it.
    func release(_ run: ImportRun.ID) {
        if let descriptor = held.withLock({ $0.removeValue(forKey: run.rawValue) }) {
            close(descriptor)
        }
    }
}
