import BreakwaterStoreSQLite
import Foundation

/// An archive in a directory of its own under the system's temporary directory, readable by
/// its owner only (it holds a customer's audit log), for reading files that are investigated
/// rather than imported; removed when the investigation ends, however it ends.
final class TemporaryArchive {
    let directory: String
    let store: SQLiteStore

    init() throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("breakwater-investigate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        store = try SQLiteStore(path: (directory as NSString).appendingPathComponent("archive.sqlite"))
    }

    /// Deletes the archive.
    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
