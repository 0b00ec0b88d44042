import BreakwaterStoreSQLite
import Foundation

/// An archive in a directory of its own under the system's temporary directory, for reading
/// files that are investigated rather than imported; removed when the investigation ends.
final class TemporaryArchive {
    let directory: String
    let store: SQLiteStore

    init() throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("breakwater-investigate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: (directory as NSString).appendingPathComponent("archive.sqlite"))
    }

    /// Deletes the archive.
    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
