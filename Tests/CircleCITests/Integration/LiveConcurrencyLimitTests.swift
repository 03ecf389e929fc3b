import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// ``RequestLimiter`` bound around real HTTP requests to the simulator, seen
/// from both ends: the client's ``RequestMetrics`` and the server's request log.
@Suite("One concurrency limit over HTTP")
struct LiveConcurrencyLimitTests {
    /// Sends `count` `GET /me` at once from child tasks (which inherit the task-local limiter).
    private static func sendAtOnce(_ count: Int, through client: CircleCIClient) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<count { group.addTask { _ = try await client.me() } }
            try await group.waitForAll()
        }
    }

    @Test func fiftyRequestsUnderALimitOfEightFillEightAndNoMore() async throws {
        try await withLiveSimulator { live in
            // Answers never come: the requests stay where the limiter put them.
            await live.simulator.faults.setLatency(.seconds(60))
            let limiter = RequestLimiter(maximum: 8)
            let sending = Task {
                try await RequestLimiter.$current.withValue(limiter) {
                    try await Self.sendAtOnce(50, through: live.client)
                }
            }
            try await waitUntil { live.log.inFlight == 8 && limiter.waiting == 42 }
            #expect(live.client.metrics.snapshot.inFlight == 8 && limiter.inFlight == 8)
            sending.cancel()
            _ = await sending.result
            #expect(limiter.inFlight == 0 && limiter.waiting == 0 && limiter.limit == 8)
            let metrics = live.client.metrics.snapshot
            #expect(metrics.requests == 8 && metrics.peakInFlight == 8 && metrics.inFlight == 0)
            #expect(live.log.peakInFlight == 8, "the server saw eight at once, never more")
        }
    }

    @Test func fiftyAnsweredRequestsUnderALimitOfEightNeverExceedEight() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.setLatency(.milliseconds(20))
            let limiter = RequestLimiter(maximum: 8)
            try await RequestLimiter.$current.withValue(limiter) {
                try await Self.sendAtOnce(50, through: live.client)
            }
            let metrics = live.client.metrics.snapshot
            #expect(metrics.requests == 50 && metrics.peakInFlight <= 8 && metrics.inFlight == 0)
            #expect(live.log.peakInFlight <= 8 && live.log.inFlight == 0)
            #expect(limiter.inFlight == 0 && limiter.waiting == 0 && limiter.limit == 8)
        }
    }

    @Test func withNoLimiterBoundRequestsAreNotHeld() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.setLatency(.seconds(60))
            let sending = Task { try await Self.sendAtOnce(16, through: live.client) }
            try await waitUntil { live.log.inFlight == 16 }
            #expect(live.client.metrics.snapshot.peakInFlight == 16)
            sending.cancel()
            _ = await sending.result
            #expect(live.client.metrics.snapshot.inFlight == 0)
        }
    }

    @Test func rateLimitsHalveTheLimitAndRetryAfterIsStillHonoured() async throws {
        try await withLiveSimulator { live in
            let limiter = RequestLimiter(maximum: 8)
            let me = FaultMatcher.operation("getCurrentUser")
            await live.simulator.faults.inject(.rateLimited(retryAfter: 2), count: 1, matching: me)
            try await RequestLimiter.$current.withValue(limiter) { _ = try await live.client.me() }
            #expect(limiter.limit == 4)
            #expect(live.clock.recordedSleeps == [.seconds(2)], "the retry waited for Retry-After")
            let noRetries = live.makeClient(retryPolicy: .none)
            await live.simulator.faults.inject(.rateLimited(retryAfter: 1), count: 3, matching: me)
            var limits: [Int] = []
            for _ in 0..<3 {
                await #expect(throws: CircleCIError.self) {
                    try await RequestLimiter.$current.withValue(limiter) { _ = try await noRetries.me() }
                }
                limits.append(limiter.limit)
            }
            #expect(limits == [2, 1, 1])
            try await RequestLimiter.$current.withValue(limiter) {
                for _ in 0..<3 { _ = try await noRetries.me() }
            }
            #expect(limiter.limit == 3, "one success raised 1 to 2, two more raised 2 to 3")
            #expect(limiter.inFlight == 0)
        }
    }

    @Test func failedAndCancelledRequestsReturnTheirPermits() async throws {
        try await withLiveSimulator { live in
            let limiter = RequestLimiter(maximum: 2)
            let client = live.makeClient(retryPolicy: .none)
            await live.simulator.faults.inject(.serverError(status: 503), count: 4)
            await live.simulator.faults.inject(.truncatedBody(), count: 4)
            for _ in 0..<8 {
                await #expect(throws: CircleCIError.self) {
                    try await RequestLimiter.$current.withValue(limiter) { _ = try await client.me() }
                }
            }
            #expect(limiter.inFlight == 0 && limiter.limit == 2)
            await live.simulator.faults.setLatency(.seconds(30))
            let tasks = (0..<5).map { _ in
                Task { try await RequestLimiter.$current.withValue(limiter) { _ = try await client.me() } }
            }
            try await waitUntil { limiter.inFlight == 2 && limiter.waiting == 3 }
            for task in tasks { task.cancel() }
            for task in tasks { _ = await task.result }
            #expect(limiter.inFlight == 0 && limiter.waiting == 0)
            #expect(client.metrics.snapshot.inFlight == 0)
            await live.simulator.faults.clear()
            try await RequestLimiter.$current.withValue(limiter) { _ = try await client.me() }
        }
    }
}
