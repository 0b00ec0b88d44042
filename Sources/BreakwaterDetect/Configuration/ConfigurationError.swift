/// Everything wrong with a detection configuration file, found in one pass so that an
/// operator fixes them all at once.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// One problem: where it is and what is wrong.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The setting's path (`tenants.9f1c….detectors.SharePoint.File.MassDownload.thresholds.distinct_files`).
        public var path: String
        /// The line in the file, when known.
        public var line: Int?
        public var message: String

        public var description: String {
            "\(line.map { "line \($0): " } ?? "")\(path.isEmpty ? "" : "\(path): ")\(message)"
        }
    }

    public var problems: [Problem]

    public var description: String {
        "the detection configuration has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
