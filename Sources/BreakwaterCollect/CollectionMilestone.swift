/// A point a collector passes on its way through a feed, reported to an observer: how the
/// crash tests stop a collector (kill -9) at exact places and check that a restart loses
/// and doubles nothing.
public enum CollectionMilestone: String, Sendable, CaseIterable {
    /// A window's blobs have been listed.
    case listed
    /// A blob has been downloaded and is about to be read.
    case downloaded
    /// A batch's transaction is open, its events written, its consequences being worked out.
    case committing
}

/// Called at each milestone; must return quickly.
public typealias MilestoneObserver = @Sendable (CollectionMilestone) -> Void
