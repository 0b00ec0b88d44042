@testable import BreakwaterGraph
import Foundation
import NIOHTTP1
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("back-off doubles up to the cap, and jitter only shortens it")
    func backoff() {
        let policy = RetryPolicy(maximumAttempts: 10, initialDelay: .seconds(1), maximumDelay: .seconds(10), jitter: 0.5)
        #expect((1...6).map { policy.backoff(afterFailure: $0, random: 0) } == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
        #expect(policy.backoff(afterFailure: 3, random: 0.999_999) > .seconds(2))
        #expect(policy.backoff(afterFailure: 3, random: 0.999_999) <= .seconds(4))
        #expect(policy.backoff(afterFailure: 1000, random: 0) == .seconds(10))
    }

    @Test("Retry-After is read as decimal seconds or an HTTP date", arguments: [("10", 10_000), ("2.128", 2_128), ("0", 0)])
    func retryAfter(text: String, milliseconds: Int) {
        let headers = HTTPHeaders([("Retry-After", text)])
        #expect(RetryAfter.delay(in: headers, now: Date()) == .milliseconds(milliseconds))
    }

    @Test("an HTTP-date Retry-After is the time until that date; nonsense is ignored")
    func retryAfterDate() {
        let now = Date(timeIntervalSince1970: 1_750_000_000)  // Sun, 15 Jun 2025 15:06:40 GMT
        #expect(RetryAfter.delay(in: HTTPHeaders([("Retry-After", "Sun, 15 Jun 2025 15:07:10 GMT")]), now: now) == .seconds(30))
        #expect(RetryAfter.delay(in: HTTPHeaders([("Retry-After", "soon")]), now: now) == nil)
        #expect(RetryAfter.delay(in: HTTPHeaders(), now: now) == nil)
    }
}
