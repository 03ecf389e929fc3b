import CircleCI
import Foundation
import HTTPTypes
import Testing

/// Which failures are retried, how many times, and what the error says when
/// the attempts run out or CircleCI asks to come back too late.
@Suite("Retries of server errors, lost connections and far waits")
struct ServerErrorRetryTests {
    /// Issue 10: a 500 on a GET was not retried. Every 5xx but 501 and 505 is.
    @Test(arguments: [500, 502, 503, 504, 507, 520])
    func aServerErrorOnAGetIsRetriedUntilSuccess(_ status: Int) async throws {
        let clock = InstantClock()
        let transport = ScriptedTransport { _, index in
            index < 2 ? (status, [:], #"{"message": "Internal server error."}"#) : (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport, clock: clock)
        _ = try await client.me()
        #expect(transport.requests.count == 3)
        #expect(clock.recordedSleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test(arguments: [501, 505])
    func aServerErrorAboutTheRequestItselfIsNotRetried(_ status: Int) async throws {
        let transport = ScriptedTransport(status: status, body: #"{"message": "Not implemented."}"#)
        let client = try makeClient(transport)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.kind == .serverError && error.status == status)
        #expect(transport.requests.count == 1)
        #expect(!error.description.contains("attempts"))
    }

    @Test func exhaustedRetriesOfA500SayHowManyAttemptsWereMade() async throws {
        let transport = ScriptedTransport(status: 500, body: #"{"message": "Internal server error."}"#)
        let client = try makeClient(transport)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.kind == .serverError && error.attempts == 4)
        #expect(error.summary == "CircleCI server error (HTTP 500) for the current user after 4 attempts")
        #expect(transport.requests.count == 4)
    }

    @Test func aPostIsNotRetriedAfterA500() async throws {
        let transport = ScriptedTransport(status: 500, body: "{}")
        let client = try makeClient(transport)
        let error = try await #require(throws: CircleCIError.self) {
            try await client.cancelWorkflow(id: Fixtures.workflowID)
        }
        #expect(error.kind == .serverError && error.attempts == 1)
        #expect(error.summary.hasSuffix("not sent again, as it may have taken effect"))
        #expect(transport.requests.count == 1)
    }

    /// A body cut short of its `Content-Length` reaches the client as a lost connection.
    @Test func aLostConnectionOnAGetIsRetriedAndExhaustionSaysSo() async throws {
        let transport = ScriptedTransport { _, _ in throw TransportError(.connectionLost) }
        let client = try makeClient(transport)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.kind == .transport && error.attempts == 4)
        #expect(error.summary == "could not reach CircleCI: the connection was lost after 4 attempts")
    }

    /// A server that accepts and never answers: the request time-out, then a retry.
    @Test func aRequestWithoutAnAnswerTimesOutAndIsRetried() async throws {
        let transport = ScriptedTransport { _, index in
            if index == 0 { try await Task.sleep(for: .seconds(3600)) }
            return (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport, requestTimeout: .milliseconds(50))
        _ = try await client.me()
        #expect(transport.requests.count == 2)
    }

    @Test func aRequestThatNeverGetsAnAnswerEndsInATimeoutAfterItsAttempts() async throws {
        let transport = ScriptedTransport { _, _ in
            try await Task.sleep(for: .seconds(3600))
            return (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport, retry: RetryPolicy(maxAttempts: 2, jitter: 0), requestTimeout: .milliseconds(50))
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.kind == .timeout && error.attempts == 2)
        #expect(error.summary.hasSuffix("after 2 attempts"))
    }

    @Test func aPostThatTimesOutIsNotRetried() async throws {
        let transport = ScriptedTransport { _, _ in
            try await Task.sleep(for: .seconds(3600))
            return (202, [:], #"{"message": "Accepted."}"#)
        }
        let client = try makeClient(transport, requestTimeout: .milliseconds(50))
        let error = try await #require(throws: CircleCIError.self) {
            try await client.cancelWorkflow(id: Fixtures.workflowID)
        }
        #expect(error.kind == .timeout)
        #expect(error.summary.hasSuffix("not sent again, as it may have taken effect"))
        #expect(transport.requests.count == 1)
    }

    /// Issue 10: a `Retry-After` of an hour made cq give up without a word about it.
    @Test(arguments: [429, 503])
    func aFarRetryAfterInSecondsSaysWhenToComeBack(_ status: Int) async throws {
        let clock = InstantClock(now: Date(timeIntervalSince1970: 1_700_000_000))  // 2023-11-14T22:13:20Z
        let transport = ScriptedTransport(status: status, headers: ["Retry-After": "3600"], body: "{}")
        let client = try makeClient(transport, clock: clock)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.retryAfter == .seconds(3600))
        #expect(error.summary.contains("CircleCI asked to come back in 3600 s (at 2023-11-14T23:13:20Z)"))
        #expect(error.summary.contains("longer than the longest wait allowed (60 s)"))
        #expect(transport.requests.count == 1)
        #expect(clock.recordedSleeps.isEmpty)
    }

    @Test func aFarRetryAfterAsAnHTTPDateSaysWhenToComeBack() async throws {
        let clock = InstantClock(now: Date(timeIntervalSince1970: 784_111_767))  // Sun, 06 Nov 1994 08:49:27 GMT
        let transport = ScriptedTransport(
            status: 429, headers: ["Retry-After": "Sun, 06 Nov 1994 10:49:27 GMT"], body: "Rate limited.")
        let client = try makeClient(transport, clock: clock)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.kind == .rateLimited && error.retryAfter == .seconds(7200))
        #expect(error.summary.contains("come back in 7200 s (at 1994-11-06T10:49:27Z)"))
    }

    @Test func aRetryAfterWithinTheConfiguredBoundIsWaitedFor() async throws {
        let clock = InstantClock()
        let transport = ScriptedTransport { _, index in
            index == 0 ? (429, ["Retry-After": "600"], "{}") : (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport, clock: clock, retry: RetryPolicy(maxRetryAfter: .seconds(900), jitter: 0))
        _ = try await client.me()
        #expect(clock.recordedSleeps == [.seconds(600)])
    }
}
