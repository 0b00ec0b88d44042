public import Foundation

/// The time and the waiting of the Microsoft clients: token expiry, back-off and rate limiting.
///
/// Every delay the clients take goes through this protocol, so that tests can inject a clock that
/// records the delays asked for and advances at once instead of sleeping.
public protocol TransportClock: Sendable {
    /// The current wall-clock time.
    var now: Date { get }

    /// Suspends the calling task for `duration`.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemTransportClock: TransportClock {
    public init() {}

    public var now: Date { Date() }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
