import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// Faults that take real time: latency, delays, slow bodies and cancellation.
/// Each waits a few seconds at most.
@Suite("Latency, time-outs and cancellation through the client")
struct LiveTimingTests {
    @Test func latencyDelaysEveryResponse() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.setLatency(.milliseconds(120))
            let started = ContinuousClock.now
            _ = try await live.client.me()
            #expect(ContinuousClock.now - started >= .milliseconds(120))
            let impatient = live.makeClient(requestTimeout: .milliseconds(40), retryPolicy: .none)
            let error = try await #require(throws: CircleCIError.self) { try await impatient.me() }
            #expect(error.kind == .timeout && error.operationID == "getCurrentUser")
        }
    }

    @Test func aDelayedResponseTimesOutAndTheRetrySucceeds() async throws {
        try await withLiveSimulator { live in
            // A limit generous enough for the retry on a loaded machine, well short of the delay.
            await live.simulator.faults.inject(.delay(.seconds(60)), count: 1, matching: .operation("getProjectBySlug"))
            let client = live.makeClient(requestTimeout: .seconds(5))
            let project = try await client.project(Landmarks.api)
            #expect(project.slug == "gh/acme/api")
            #expect(client.metrics.snapshot.retries == 1)
        }
    }

    @Test func aSlowBodyPastTheRequestTimeoutIsATimeout() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.slowBody(.seconds(60)), count: 2, matching: .operation("getCurrentUser"))
            let client = live.makeClient(requestTimeout: .milliseconds(150), retryPolicy: RetryPolicy(maxAttempts: 2, jitter: 0))
            let started = ContinuousClock.now
            let error = try await #require(throws: CircleCIError.self) { try await client.me() }
            #expect(error.kind == .timeout && error.operationID == "getCurrentUser")
            #expect(error.description.contains("no response within 150 ms"))
            // Two attempts of 150 ms; a body arrives only after 60 s.
            #expect(ContinuousClock.now - started < .seconds(50), "gave up before the body arrived")
            #expect(await live.log.count(operationID: "getCurrentUser") == 2, "a timed-out GET is retried once")
        }
    }

    @Test func cancellingTheTaskStopsAnInFlightRequestPromptly() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.slowBody(.seconds(60)), count: 1, matching: .operation("getCurrentUser"))
            let client = live.client
            let task = Task { try await client.me() }
            // The log records the request as its headers go out; the body then trickles for 60 s.
            try await waitUntil { await live.log.count(operationID: "getCurrentUser") == 1 }
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = await task.result
            // Before the 60 s body ends, with room for a loaded machine.
            #expect(ContinuousClock.now - cancelled < .seconds(50))
            guard case .failure(let error) = result else {
                Issue.record("the request finished although it was cancelled")
                return
            }
            #expect((error as? CircleCIError)?.kind == .cancelled)
            #expect((error as? CircleCIError)?.operationID == "getCurrentUser")
        }
    }
}

/// Polls `condition` until it holds, failing after `limit`.
func waitUntil(
    _ limit: Duration = .seconds(30), _ condition: @Sendable () async -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let deadline = ContinuousClock.now + limit
    while !(await condition()) {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not met within \(limit)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}
