import ArgumentParser
import BreakwaterStoreSQLite
import Foundation

/// The `--db` option every archive command shares.
struct ArchiveOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The archive file.",
            discussion: "Default: $BREAKWATER_DB, else $XDG_DATA_HOME/breakwater/archive.sqlite (~/.local/share/breakwater/archive.sqlite).",
            valueName: "path"))
    var path: String?

    /// The archive path: the option, then `BREAKWATER_DB`, then the per-user data directory.
    var resolvedPath: String {
        if let path { return path }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["BREAKWATER_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("breakwater/archive.sqlite")
    }

    /// Opens the archive, creating it if there is none (for commands that write).
    func open() throws -> SQLiteStore {
        try SQLiteStore(path: resolvedPath)
    }

    /// Opens an archive that must already exist (for commands that only read): a mistyped
    /// path is an error, not an empty archive that finds nothing.
    func openExisting() throws -> SQLiteStore {
        try Self.openExisting(resolvedPath)
    }

    /// Opens the archive at `path`, which must exist.
    static func openExisting(_ path: String) throws -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("There is no archive at \(path) (import into it first, or give --db).")
        }
        return try SQLiteStore(path: path)
    }
}
