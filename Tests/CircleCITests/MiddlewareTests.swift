import CircleCI
import Foundation
import HTTPTypes
import Synchronization
import Testing

/// Records what a caller's middleware sees.
final class SpyMiddleware: ClientMiddleware {
    private let seen = Mutex<[HTTPRequest]>([])

    var requests: [HTTPRequest] { seen.withLock { $0 } }

    func intercept(
        _ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        seen.withLock { $0.append(request) }
        return try await next(request, body, baseURL)
    }
}

/// Answers every request itself, like a cache hit.
struct CannedMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        (HTTPResponse(status: .ok), Data(Fixtures.user.utf8))
    }
}

@Suite("Middleware chain")
struct MiddlewareTests {
    @Test func callerMiddlewareSeesOneRequestWithoutCredentials() async throws {
        let spy = SpyMiddleware()
        let transport = ScriptedTransport { _, index in index == 0 ? (503, [:], "") : (200, [:], Fixtures.user) }
        let client = try makeClient(transport, middlewares: [spy])
        _ = try await client.me()
        #expect(spy.requests.count == 1)
        #expect(spy.requests.first?.headerFields[HTTPFieldName.circleToken] == nil)
        #expect(transport.requests.count == 2)
        #expect(transport.requests.allSatisfy { $0.headers[HTTPFieldName.circleToken] == testToken })
    }

    @Test func callerMiddlewareCanAnswerWithoutTheNetwork() async throws {
        let transport = ScriptedTransport(status: 500, body: "")
        let client = try makeClient(transport, middlewares: [CannedMiddleware()])
        #expect(try await client.me().login == "octocat")
        #expect(transport.requests.isEmpty)
        #expect(client.metrics.snapshot.requests == 0)
    }

    @Test func crossOriginRedirectDropsTheToken() async throws {
        let transport = ScriptedTransport { request, index in
            index == 0
                ? (302, ["Location": "https://artifacts.example.com/a/b?sig=1"], "")
                : (200, [:], #"{"items": [], "next_page_token": null}"#)
        }
        let client = try makeClient(transport)
        _ = try await client.artifacts(project: try ProjectSlug("gh/acme/api"), jobNumber: 1).collect()
        #expect(transport.requests.count == 2)
        let redirected = transport.requests[1]
        #expect(redirected.authority == "artifacts.example.com")
        #expect(redirected.path == "/a/b?sig=1")
        #expect(redirected.headers[HTTPFieldName.circleToken] == nil)
    }

    /// Issue 10: a cross-host redirect that the other host refused was reported
    /// as "CircleCI rejected the token".
    @Test(arguments: [401, 403])
    func aCrossHostRedirectThatIsRefusedSaysSoAndBlamesNoToken(_ status: Int) async throws {
        let transport = ScriptedTransport { _, index in
            index == 0
                ? (307, ["Location": "https://mirror.example.com:8443/api/v2/me"], "")
                : (status, [:], #"{"message": "Invalid token provided."}"#)
        }
        let client = try makeClient(transport)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.kind == .redirectRefused && error.status == status)
        #expect(error.operationID == "getCurrentUser")
        #expect(
            error.summary.hasPrefix(
                "the request was redirected to mirror.example.com:8443, which refused it without credentials (HTTP \(status))"))
        #expect(!error.description.contains("rejected the token"))
        #expect(transport.requests.count == 2, "a refusal is not retried")
        #expect(transport.requests[1].headers[HTTPFieldName.circleToken] == nil)
    }

    @Test func aSameHostRedirectThatIsRefusedIsStillAboutTheToken() async throws {
        let transport = ScriptedTransport { _, index in
            index == 0 ? (301, ["Location": "/api/v2/me"], "") : (401, [:], #"{"message": "Invalid token provided."}"#)
        }
        let client = try makeClient(transport)
        let error = try await #require(throws: CircleCIError.self) { try await client.me() }
        #expect(error.kind == .unauthorized)
    }

    @Test func sameOriginRedirectKeepsTheToken() async throws {
        let transport = ScriptedTransport { _, index in
            index == 0 ? (301, ["Location": "/api/v2/me"], "") : (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport)
        _ = try await client.me()
        #expect(transport.requests[1].authority == "circleci.com")
        #expect(transport.requests[1].headers[HTTPFieldName.circleToken] == testToken)
    }

    @Test func endlessRedirectsEndInAClearError() async throws {
        let transport = ScriptedTransport(status: 302, headers: ["Location": "/api/v2/me"], body: "")
        let client = try makeClient(transport)
        await #expect {
            try await client.me()
        } throws: { error in
            (error as? CircleCIError)?.kind == .invalidResponse && String(describing: error).contains("redirect")
        }
        #expect(transport.requests.count == 6)
    }

    @Test func presignedOutputIsFetchedWithoutTheToken() async throws {
        let transport = ScriptedTransport(body: Fixtures.stepOutput)
        let client = try makeClient(transport)
        let action = StepAction(
            index: 0, step: 0, name: "build", status: "success",
            outputURL: "https://circle-production-action-output.s3.amazonaws.com/x?X-Amz-Signature=abc")
        let output = try await client.stepOutput(action)
        #expect(output.count == 2)
        let request = try #require(transport.requests.first)
        #expect(request.authority == "circle-production-action-output.s3.amazonaws.com")
        #expect(request.headers[HTTPFieldName.circleToken] == nil)
        #expect(try await client.stepOutput(StepAction(index: 0, step: 0, name: "x", status: "success")).isEmpty)
        await #expect(throws: CircleCIError.self) {
            try await client.stepOutput(StepAction(index: 0, step: 0, name: "x", status: "success", outputURL: "http://evil.example.com/x"))
        }
        #expect(transport.requests.count == 1)
    }

    @Test func cancellationStopsAWaitingRequest() async throws {
        let transport = ScriptedTransport { _, _ in
            try await Task.sleep(for: .seconds(600))
            return (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport)
        let started = ContinuousClock.now
        let task = Task { try await client.me() }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let result = await task.result
        // Far less than the 600 s the request would wait: cancellation stopped it.
        #expect(ContinuousClock.now - started < .seconds(120))
        guard case .failure(let error) = result else {
            Issue.record("expected cancellation")
            return
        }
        #expect((error as? CircleCIError)?.kind == .cancelled)
    }

    @Test func slowRequestsTimeOutAndDeadlinesBoundTheCall() async throws {
        let transport = ScriptedTransport { _, _ in
            try await Task.sleep(for: .seconds(30))
            return (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport, retry: .none, requestTimeout: .milliseconds(100))
        await #expect {
            try await client.me()
        } throws: { error in
            (error as? CircleCIError)?.kind == .timeout && String(describing: error).contains("100 ms")
        }

        var configuration = CircleCIConfiguration(token: testToken, requestTimeout: .seconds(10), deadline: .milliseconds(150))
        configuration.clock = InstantClock().clock
        let bounded = CircleCIClient(configuration: configuration, transport: transport)
        await #expect {
            try await bounded.me()
        } throws: { error in
            (error as? CircleCIError)?.kind == .timeout && String(describing: error).contains("limit for one call")
        }
    }
}
