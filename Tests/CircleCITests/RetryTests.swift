import CircleCI
import Foundation
import HTTPTypes
import Testing

@Suite("Retries and rate limits")
struct RetryTests {
    let slug: ProjectSlug

    init() throws {
        slug = try ProjectSlug("gh/acme/api")
    }

    @Test func retryAfterSecondsIsHonoured() async throws {
        let clock = InstantClock()
        let transport = ScriptedTransport { _, index in
            index == 0 ? (429, ["Retry-After": "2"], #"{"message": "Rate limit exceeded."}"#) : (200, [:], Fixtures.project)
        }
        let client = try makeClient(transport, clock: clock)
        let project = try await client.project(slug)
        #expect(project.name == "api")
        #expect(clock.recordedSleeps == [.seconds(2)])
        let metrics = client.metrics.snapshot
        #expect(metrics.requests == 2)
        #expect(metrics.retries == 1)
        #expect(metrics.rateLimited == 1)
        #expect(metrics.waited == .seconds(2))
    }

    @Test func retryAfterHTTPDateIsHonoured() async throws {
        let clock = InstantClock(now: Date(timeIntervalSince1970: 784_111_767))  // Sun, 06 Nov 1994 08:49:27 GMT
        let transport = ScriptedTransport { _, index in
            index == 0 ? (429, ["Retry-After": "Sun, 06 Nov 1994 08:49:37 GMT"], "Rate limited.") : (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport, clock: clock)
        _ = try await client.me()
        #expect(clock.recordedSleeps == [.seconds(10)])
    }

    @Test func exponentialBackoffWithoutRetryAfter() async throws {
        let clock = InstantClock()
        let transport = ScriptedTransport { _, index in
            index < 3 ? (index == 0 ? 429 : 503, [:], "{}") : (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport, clock: clock)
        _ = try await client.me()
        #expect(clock.recordedSleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
        #expect(transport.requests.count == 4)
    }

    @Test func jitterStaysWithinBounds() {
        let policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(4), jitter: 0.5)
        for retry in 1...6 {
            let full = min(1 << (retry - 1), 4)
            let delay = policy.backoff(beforeRetry: retry)
            #expect(delay >= .milliseconds(full * 500) && delay <= .seconds(full))
        }
    }

    @Test func exhaustedRetriesReportTheLastResponse() async throws {
        let clock = InstantClock()
        let transport = ScriptedTransport(status: 429, headers: ["Retry-After": "1"], body: "Rate limited.")
        let client = try makeClient(transport, clock: clock)
        await #expect {
            try await client.me()
        } throws: { error in
            guard let error = error as? CircleCIError else { return false }
            return error.kind == .rateLimited && error.serverMessage == "Rate limited." && error.retryAfter == .seconds(1)
                && error.description.contains("retry after 1 s")
        }
        #expect(transport.requests.count == 4)
        #expect(clock.recordedSleeps.count == 3)
    }

    @Test func tooLongRetryAfterFailsAtOnce() async throws {
        let clock = InstantClock()
        let transport = ScriptedTransport(status: 429, headers: ["Retry-After": "3600"], body: "{}")
        let client = try makeClient(transport, clock: clock)
        await #expect {
            try await client.me()
        } throws: { error in
            (error as? CircleCIError)?.retryAfter == .seconds(3600)
        }
        #expect(transport.requests.count == 1)
        #expect(clock.recordedSleeps.isEmpty)
    }

    @Test func postIsNotRetriedAfterAServerError() async throws {
        let transport = ScriptedTransport(status: 503, body: #"{"message": "Service Unavailable"}"#)
        let client = try makeClient(transport)
        await #expect {
            try await client.cancelWorkflow(id: Fixtures.workflowID)
        } throws: { error in
            (error as? CircleCIError)?.kind == .serverError
        }
        #expect(transport.requests.count == 1)
    }

    @Test func postIsRetriedAfterARateLimitAsItsPolicySays() async throws {
        let clock = InstantClock()
        let transport = ScriptedTransport { _, index in
            index == 0 ? (429, ["Retry-After": "2"], "Rate limited.") : (202, [:], #"{"message": "Accepted."}"#)
        }
        let client = try makeClient(transport, clock: clock)
        #expect(try await client.cancelWorkflow(id: Fixtures.workflowID).message == "Accepted.")
        #expect(transport.requests.count == 2)
        #expect(clock.recordedSleeps == [.seconds(2)])
    }

    @Test func postIsRetriedOnlyWhenTheRequestWasNeverSent() async throws {
        let refused = ScriptedTransport { _, index in
            if index == 0 { throw TransportError(.requestNotSent) }
            return (202, [:], #"{"message": "Accepted."}"#)
        }
        let client = try makeClient(refused)
        #expect(try await client.cancelWorkflow(id: Fixtures.workflowID).message == "Accepted.")
        #expect(refused.requests.count == 2)

        let reset = ScriptedTransport { _, _ in throw TransportError(.connectionLost) }
        let resetClient = try makeClient(reset)
        await #expect {
            try await resetClient.cancelWorkflow(id: Fixtures.workflowID)
        } throws: { error in
            (error as? CircleCIError)?.kind == .transport
        }
        #expect(reset.requests.count == 1)
    }

    @Test func getIsRetriedAfterAConnectionReset() async throws {
        let transport = ScriptedTransport { _, index in
            if index < 2 { throw TransportError(.connectionLost) }
            return (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport)
        _ = try await client.me()
        #expect(transport.requests.count == 3)
        #expect(client.metrics.snapshot.failures == 2)
    }

    @Test(arguments: [
        ["RateLimit-Remaining": "0", "RateLimit-Reset": "3"],
        ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1700000003"],
    ])
    func exhaustedWindowPausesTheNextRequest(headers: [String: String]) async throws {
        let clock = InstantClock(now: Date(timeIntervalSince1970: 1_700_000_000))
        let transport = ScriptedTransport { _, index in (200, index == 0 ? headers : [:], Fixtures.user) }
        let client = try makeClient(transport, clock: clock)
        _ = try await client.me()
        #expect(clock.recordedSleeps.isEmpty)
        _ = try await client.me()
        #expect(clock.recordedSleeps == [.seconds(3)])
    }

    @Test func remainingRequestsDoNotPause() async throws {
        let clock = InstantClock()
        let transport = ScriptedTransport(headers: ["RateLimit-Remaining": "5", "RateLimit-Reset": "30"], body: Fixtures.user)
        let client = try makeClient(transport, clock: clock)
        _ = try await client.me()
        _ = try await client.me()
        #expect(clock.recordedSleeps.isEmpty)
    }
}
