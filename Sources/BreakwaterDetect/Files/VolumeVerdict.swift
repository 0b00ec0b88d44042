import BreakwaterModel

/// How a count of distinct files compares with the identity's own habit for that volume
/// (`downloads`, `deletions`): the typical daily peak of its earlier days.
///
/// A nightly backup account that always downloads three hundred files is ``usual(typical:)``
/// on its second night; a clerk who opens a handful of files a day and suddenly takes a whole
/// library is ``unusual(typical:)``.
enum VolumeVerdict: Equatable {
    /// No earlier day to compare with yet.
    case learning
    /// At least the multiplier times the typical daily peak.
    case unusual(typical: Int)
    /// Below the multiplier times the typical daily peak: what the identity does anyway.
    case usual(typical: Int)

    /// The typical daily peak compared with; `nil` while learning.
    var typical: Int? {
        switch self {
        case .learning: nil
        case .unusual(let typical), .usual(let typical): typical
        }
    }
}

extension DetectionContext {
    /// Judges `count` distinct files against the identity's typical daily peak of `volume`
    /// before today.
    func judge(_ count: Int, of volume: String, multiplier: Double) -> VolumeVerdict {
        guard let typical = identity.volumePeaks[volume]?.typical(before: now) else { return .learning }
        return Double(count) >= multiplier * Double(typical) ? .unusual(typical: typical) : .usual(typical: typical)
    }

    /// Counts `count` into today's peak of `volume`.
    ///
    /// - important: Only note counts that raised nothing above low and came from no suspected
    ///   address or session, so that what an attacker does never becomes the identity's habit.
    mutating func notePeak(_ count: Int, of volume: String) {
        // Most events do not raise the day's peak: skip rewriting the peaks for them.
        if let peak = identity.volumePeaks[volume]?.peaks[now / 86_400_000], peak >= count { return }
        identity.volumePeaks[volume, default: DailyPeaks()].record(count, at: now)
    }
}
