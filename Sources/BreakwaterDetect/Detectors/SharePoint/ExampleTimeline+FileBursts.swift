extension ExampleTimeline {
    /// `count` file operations by `user`, one a second, on distinct files named
    /// `<prefix> <n>.<fileExtension>` in `folder` of the Finance site.
    mutating func fileOperations(
        _ operation: String, count: Int, by user: String, from place: ExamplePlace, folder: String = "Shared Documents/Accounts",
        prefix: String = "Statement", fileExtension: String = "xlsx", agent: String = ExampleAgents.edgeWindows
    ) {
        guard count > 0 else { return }
        for index in 1...count {
            fileOperation(operation, by: user, from: place, file: "/sites/Finance/\(folder)/\(prefix) \(index).\(fileExtension)", agent: agent)
        }
    }
}
