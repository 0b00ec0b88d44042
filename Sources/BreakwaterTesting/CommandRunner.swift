import Foundation

/// Runs the `breakwater` executable built beside the test binary, as a user would.
public struct CommandRunner: Sendable {
    /// What a finished command did.
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        /// Whether the process was killed by a signal (its number is ``status``).
        public var wasSignalled: Bool
    }

    /// The executable: `breakwater` in the directory of the running test binary.
    public let executable: String

    public init() {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the tests run from `<build>/<Package>PackageTests.xctest`; on macOS from
        // inside a bundle: walk up until a directory holds the executable.
        for _ in 0..<4 where !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("breakwater").path) {
            directory = directory.deletingLastPathComponent()
        }
        executable = directory.appendingPathComponent("breakwater").path
    }

    /// Runs `breakwater` with `arguments` and extra environment variables, and waits for it.
    public func run(_ arguments: [String], environment: [String: String] = [:], workingDirectory: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "BREAKWATER_DB")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes to the end before waiting, so that a large output cannot block.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self), wasSignalled: process.terminationReason == .uncaughtSignal)
    }
}
