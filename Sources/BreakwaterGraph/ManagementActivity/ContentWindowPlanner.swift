public import Foundation

/// Plans the content-list windows that take a feed from its checkpoint to now, within what
/// the Management Activity API allows (contract §2.5, §7).
///
/// - Windows are half-open, whole seconds, at most ``maximumWindow`` (24 h) long, and laid end
///   to end up to now.
/// - The first starts ``overlap`` before the checkpoint, because blobs become visible late and
///   out of order; records read twice are de-duplicated by their id downstream.
/// - Nothing starts earlier than ``retention`` ago plus ``safetyMargin`` (the API refuses starts
///   more than 7 days back). When the checkpoint itself is older than that, the span from the
///   checkpoint to the earliest reachable instant is reported as ``ContentWindowPlan/unreachable``:
///   a gap to record, because its content can no longer be listed.
///
/// ```swift
/// let plan = ContentWindowPlanner().plan(after: checkpoint, now: clock.now)
/// if let gap = plan.unreachable { record(gap) }
/// for window in plan.windows { … listContent(contentType, in: window) … }
/// ```
public struct ContentWindowPlanner: Sendable, Hashable {
    /// The longest window; at most 24 hours.
    public var maximumWindow: TimeInterval
    /// How far back the API lists content: 7 days.
    public var retention: TimeInterval
    /// Kept between the earliest start and the retention limit, for clock skew and the time the
    /// windows take to read.
    public var safetyMargin: TimeInterval
    /// How far behind the checkpoint the first window starts.
    public var overlap: TimeInterval
    /// How far back a feed without a checkpoint starts.
    public var initialLookback: TimeInterval

    /// - Parameters: see the properties; `maximumWindow` is kept between one second and 24 hours.
    public init(
        maximumWindow: TimeInterval = 24 * 3600, retention: TimeInterval = 7 * 24 * 3600, safetyMargin: TimeInterval = 15 * 60,
        overlap: TimeInterval = 3600, initialLookback: TimeInterval = 24 * 3600
    ) {
        self.maximumWindow = min(max(maximumWindow, 1), 24 * 3600)
        self.retention = retention
        self.safetyMargin = safetyMargin
        self.overlap = max(0, overlap)
        self.initialLookback = max(0, initialLookback)
    }

    /// The windows to list after `checkpoint` (the latest `contentCreated` already read; `nil`
    /// for a new feed), and the span already beyond reach.
    public func plan(after checkpoint: Date?, now: Date) -> ContentWindowPlan {
        let end = ContentWindow.wholeSecond(now)
        let earliest = Date(timeIntervalSince1970: now.addingTimeInterval(-retention + safetyMargin).timeIntervalSince1970.rounded(.up))
        var unreachable: ContentWindow?
        let wanted: Date
        if let checkpoint {
            wanted = checkpoint.addingTimeInterval(-overlap)
            if checkpoint < earliest {
                unreachable = ContentWindow(start: checkpoint, end: earliest)
            }
        } else {
            wanted = end.addingTimeInterval(-initialLookback)
        }
        var start = max(ContentWindow.wholeSecond(wanted), earliest)
        var windows: [ContentWindow] = []
        while start < end {
            let windowEnd = min(start.addingTimeInterval(maximumWindow), end)
            windows.append(ContentWindow(start: start, end: windowEnd))
            start = windowEnd
        }
        return ContentWindowPlan(windows: windows, unreachable: unreachable)
    }
}

/// What ``ContentWindowPlanner`` decided.
public struct ContentWindowPlan: Hashable, Sendable {
    /// The windows to list, oldest first, end to end.
    public var windows: [ContentWindow]
    /// Content created in this span was never read and can no longer be listed: record it as
    /// a gap. `nil` when nothing was lost.
    public var unreachable: ContentWindow?

    /// - Parameters: see the properties.
    public init(windows: [ContentWindow], unreachable: ContentWindow?) {
        self.windows = windows
        self.unreachable = unreachable
    }
}
