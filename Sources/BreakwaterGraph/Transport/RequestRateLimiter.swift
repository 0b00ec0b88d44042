public import BreakwaterModel
import Foundation

/// A token bucket per tenant that every request to Microsoft of that tenant passes through.
///
/// Share one limiter between all clients of a process (every content type, blob downloads and
/// Graph calls), so that a tenant's requests together stay under its ``RequestRateLimit``. A
/// caller that finds the bucket empty reserves the next token and waits for it, so concurrent
/// callers are served in order of arrival without polling.
public actor RequestRateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    /// The limit each tenant gets.
    public nonisolated let limit: RequestRateLimit
    private let clock: any TransportClock
    private var buckets: [TenantID: Bucket] = [:]

    /// - Parameters:
    ///   - limit: the limit each tenant gets.
    ///   - clock: the clock to read and to wait on.
    public init(limit: RequestRateLimit = .default, clock: any TransportClock = SystemTransportClock()) {
        self.limit = limit
        self.clock = clock
    }

    /// Returns when one more request of `tenant` fits under the limit.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while it waits (the token it
    ///   reserved is not given back, which only makes later requests slightly more patient).
    public func acquire(for tenant: TenantID) async throws {
        let wait = reserve(for: tenant)
        if wait > .zero {
            try await clock.sleep(for: wait)
        }
    }

    /// Takes a token from `tenant`'s bucket, going into debt when it is empty, and returns how
    /// long the caller must wait before the debt is repaid.
    private func reserve(for tenant: TenantID) -> Duration {
        let now = clock.now
        var bucket = buckets[tenant] ?? Bucket(tokens: Double(limit.burst), updated: now)
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        bucket.tokens = min(Double(limit.burst), bucket.tokens + elapsed * limit.refillPerSecond)
        bucket.updated = now
        bucket.tokens -= 1
        buckets[tenant] = bucket
        guard bucket.tokens < 0 else { return .zero }
        return .nanoseconds(Int64((-bucket.tokens / limit.refillPerSecond * 1e9).rounded(.up)))
    }
}
