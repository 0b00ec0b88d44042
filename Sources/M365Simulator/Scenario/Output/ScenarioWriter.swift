import Foundation

/// Writes a simulated month to a directory, in the formats Breakwater imports.
///
/// - `audit.jsonl`: the unified audit log, one `AuditData` record a line, in time order.
/// - `signins.jsonl`: Graph beta sign-ins, one `signIn` object a line, in time order.
/// - `audit-purview.csv`: the same audit records as a Purview portal export (§4.2).
/// - `truth.json`: ``ScenarioTruth``.
public enum ScenarioWriter {
    /// Which files to write.
    public struct Formats: OptionSet, Sendable, Hashable {
        public let rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// `audit.jsonl`.
        public static let auditLog = Formats(rawValue: 1 << 0)
        /// `signins.jsonl`.
        public static let signIns = Formats(rawValue: 1 << 1)
        /// `audit-purview.csv`.
        public static let purviewExport = Formats(rawValue: 1 << 2)
        /// `truth.json`.
        public static let truth = Formats(rawValue: 1 << 3)
        public static let all: Formats = [.auditLog, .signIns, .purviewExport, .truth]
    }

    /// Generates `scenario` and writes it, a day at a time: memory stays small at any scale.
    ///
    /// - Throws: the file system's error when the directory or a file cannot be written.
    public static func write(_ scenario: Scenario, to directory: String, formats: Formats = .all) throws {
        var files = try OutputFiles(directory: directory, formats: formats)
        try scenario.forEachRecord { record in
            try files.write(record.json, feed: record.feed)
        }
        try files.finish(truth: scenario.truth)
    }

    /// Writes a month already in memory.
    ///
    /// - Throws: the file system's error when the directory or a file cannot be written.
    public static func write(_ dataset: ScenarioDataset, to directory: String, formats: Formats = .all) throws {
        var files = try OutputFiles(directory: directory, formats: formats)
        for record in dataset.auditRecords { try files.write(record, feed: .auditLog) }
        for record in dataset.signIns { try files.write(record, feed: .signIns) }
        try files.finish(truth: dataset.truth)
    }
}

/// The open output files, buffered.
private struct OutputFiles {
    private final class Sink {
        let handle: FileHandle
        var pending: [UInt8] = []

        init(path: String) throws {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }

        func write(_ bytes: [UInt8]) throws {
            pending += bytes
            if pending.count > 1 << 20 { try flush() }
        }

        func flush() throws {
            try handle.write(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
        }

        func close() throws {
            try flush()
            try handle.close()
        }
    }

    private let directory: String
    private let formats: ScenarioWriter.Formats
    private let auditLog: Sink?
    private let signIns: Sink?
    private let purview: Sink?

    init(directory: String, formats: ScenarioWriter.Formats) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        self.formats = formats
        auditLog = formats.contains(.auditLog) ? try Sink(path: directory + "/audit.jsonl") : nil
        signIns = formats.contains(.signIns) ? try Sink(path: directory + "/signins.jsonl") : nil
        purview = formats.contains(.purviewExport) ? try Sink(path: directory + "/audit-purview.csv") : nil
        try purview?.write(PurviewExport.header)
    }

    mutating func write(_ json: [UInt8], feed: ScenarioRecord.Feed) throws {
        switch feed {
        case .auditLog:
            try auditLog?.write(json + [UInt8(ascii: "\n")])
            if let purview, let row = PurviewExport.row(json) { try purview.write(row) }
        case .signIns:
            try signIns?.write(json + [UInt8(ascii: "\n")])
        }
    }

    func finish(truth: ScenarioTruth) throws {
        try auditLog?.close()
        try signIns?.close()
        try purview?.close()
        if formats.contains(.truth) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try (encoder.encode(truth) + Data("\n".utf8)).write(to: URL(fileURLWithPath: directory + "/truth.json"))
        }
    }
}
