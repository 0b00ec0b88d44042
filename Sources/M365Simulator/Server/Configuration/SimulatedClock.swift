public import BreakwaterModel
import Synchronization

/// The simulator's "now", shared by every tenant: what content is listable, which blobs have
/// expired, when tokens run out and how requests are counted against rate limits.
///
/// A **manual** clock stands still until a test moves it, so nothing in a test waits on real
/// time; a **scaled** clock runs from a starting instant at a multiple of real time, for demos
/// (`--speed 60x`: a simulated hour a real minute).
///
/// ```swift
/// let clock = SimulatedClock.manual(at: start)
/// clock.advance(by: .seconds(2 * 3600))   // two simulated hours later, at once
/// ```
public final class SimulatedClock: Sendable {
    private struct State {
        var anchor: Timestamp
        var realAnchor: ContinuousClock.Instant
        /// `nil` for a manual clock.
        var speed: Double?
    }

    private let state: Mutex<State>

    private init(anchor: Timestamp, speed: Double?) {
        state = Mutex(State(anchor: anchor, realAnchor: .now, speed: speed))
    }

    /// A clock that shows `start` until it is set or advanced.
    public static func manual(at start: Timestamp) -> SimulatedClock {
        SimulatedClock(anchor: start, speed: nil)
    }

    /// A clock that shows `start` now and then runs `speed` times faster than real time.
    ///
    /// - Precondition: `speed` is positive.
    public static func scaled(from start: Timestamp, speed: Double) -> SimulatedClock {
        precondition(speed > 0, "a scaled clock needs a positive speed")
        return SimulatedClock(anchor: start, speed: speed)
    }

    /// The simulated time now.
    public var now: Timestamp {
        state.withLock { state in
            guard let speed = state.speed else { return state.anchor }
            let elapsed = ContinuousClock.now - state.realAnchor
            return state.anchor.adding(milliseconds: Int64((elapsed.milliseconds * speed).rounded(.down)))
        }
    }

    /// How many simulated seconds pass in a real second: 1 for a manual clock, which is how
    /// `Retry-After` values (real seconds) are computed from simulated waits.
    public var speed: Double {
        state.withLock { $0.speed ?? 1 }
    }

    /// Whether the clock only moves when told to.
    public var isManual: Bool {
        state.withLock { $0.speed == nil }
    }

    /// Moves the clock to `time` (a scaled clock keeps running from there).
    public func set(to time: Timestamp) {
        state.withLock { state in
            state.anchor = time
            state.realAnchor = .now
        }
    }

    /// Moves the clock forward by a simulated duration.
    public func advance(by duration: Duration) {
        state.withLock { state in
            if let speed = state.speed {
                let elapsed = ContinuousClock.now - state.realAnchor
                state.anchor = state.anchor.adding(milliseconds: Int64((elapsed.milliseconds * speed).rounded(.down)))
                state.realAnchor = .now
            }
            state.anchor = state.anchor.adding(milliseconds: Int64(duration.milliseconds.rounded(.down)))
        }
    }
}

extension Duration {
    /// The duration in (fractional) milliseconds.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
