@testable import BreakwaterGraph
import Foundation
import Synchronization

/// A clock whose sleeps return at once and move its time forward, and which remembers every
/// delay asked of it, so that back-off and expiry are tested without waiting.
final class VirtualClock: TransportClock, Sendable {
    private struct State {
        var now: Date
        var sleeps: [Duration] = []
    }

    private let state: Mutex<State>

    init(now: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        state = Mutex(State(now: now))
    }

    var now: Date { state.withLock { $0.now } }

    /// Every delay slept, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(duration)
            state.now = state.now.addingTimeInterval(duration.seconds)
        }
    }

    /// Moves time forward without anyone sleeping.
    func advance(by interval: TimeInterval) {
        state.withLock { $0.now = $0.now.addingTimeInterval(interval) }
    }
}
