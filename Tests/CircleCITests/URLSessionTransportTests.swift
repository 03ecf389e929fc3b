import CircleCI
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The client and `URLSessionTransport` against real loopback servers.
@Suite("Real HTTP over URLSession")
struct URLSessionTransportTests {
    /// Runs `body` with a client for a server answering with `respond`.
    func withServer(
        clock: InstantClock = InstantClock(),
        requestTimeout: Duration = .seconds(30),
        _ respond: @escaping TestServer.Responder,
        _ body: (CircleCIClient, TestServer) async throws -> Void
    ) async throws {
        let server = try await TestServer.start(respond)
        do {
            let client = try makeClient(
                URLSessionTransport(), host: server.baseURL.absoluteString, clock: clock, requestTimeout: requestTimeout)
            try await body(client, server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func sendsTheTokenAndAcceptHeaderAndDecodes() async throws {
        try await withServer({ request, _ in
            request.header("Circle-Token") == testToken && request.path == "/api/v2/me"
                ? ServerReply(body: Fixtures.user) : ServerReply(status: 401, body: #"{"message": "Invalid token provided."}"#)
        }) { client, server in
            let user = try await client.me()
            #expect(user.login == "octocat")
            let request = try #require(server.requests.first)
            #expect(request.header("Accept") == "application/json")
            #expect(request.header("Content-Type") == nil)
        }
    }

    @Test func unauthorizedAndNotFoundCarryMessageAndContext() async throws {
        try await withServer({ request, _ in
            request.path == "/api/v2/me"
                ? ServerReply(status: 401, body: #"{"message": "Invalid token provided."}"#)
                : ServerReply(status: 404, body: #"{"message": "Project not found"}"#)
        }) { client, _ in
            await #expect {
                try await client.me()
            } throws: { error in
                guard let error = error as? CircleCIError else { return false }
                return error.kind == .unauthorized && error.serverMessage == "Invalid token provided."
                    && error.operationID == "getCurrentUser" && !error.description.contains(testToken)
            }
            await #expect {
                try await client.project(try ProjectSlug("gh/acme/nope"))
            } throws: { error in
                String(describing: error).hasPrefix("project gh/acme/nope not found (or your token cannot see it)")
                    && String(describing: error).contains("Project not found")
            }
        }
    }

    @Test func rateLimitedThenSucceeds() async throws {
        let clock = InstantClock()
        try await withServer(clock: clock, { _, index in
            index == 0
                ? ServerReply(status: 429, headers: ["Retry-After": "1"], body: "Rate limited.")
                : ServerReply(body: Fixtures.user)
        }) { client, server in
            _ = try await client.me()
            #expect(server.requests.count == 2)
            #expect(clock.recordedSleeps == [.seconds(1)])
        }
    }

    @Test func serviceUnavailableBurstThenSucceeds() async throws {
        try await withServer({ _, index in
            index < 3 ? ServerReply(status: index == 1 ? 502 : 503, body: "") : ServerReply(body: Fixtures.project)
        }) { client, server in
            let project = try await client.project(try ProjectSlug("gh/acme/api"))
            #expect(project.name == "api")
            #expect(server.requests.count == 4)
            #expect(client.metrics.snapshot.retries == 3)
        }
    }

    @Test func postIsNotRetried() async throws {
        try await withServer({ _, _ in ServerReply(status: 503, body: #"{"message": "busy"}"#) }) { client, server in
            await #expect(throws: CircleCIError.self) {
                try await client.triggerPipeline(project: try ProjectSlug("gh/acme/api"), TriggerPipelineRequest(tag: "v1"))
            }
            #expect(server.requests.count == 1)
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.header("Content-Type") == "application/json")
            #expect(try jsonObject(request.body)["tag"] as? String == "v1")
        }
    }

    @Test(arguments: [
        (#"{"slug": "gh/acme/api", "name": "ap"#, "not valid JSON"),
        ("<!DOCTYPE html><html><title>Login</title></html>", "HTML page instead of JSON"),
        ("", "the body is empty"),
    ])
    func badBodiesGiveClearErrors(body: String, problem: String) async throws {
        try await withServer({ _, _ in ServerReply(body: body) }) { client, _ in
            await #expect {
                try await client.project(try ProjectSlug("gh/acme/api"))
            } throws: { error in
                (error as? CircleCIError)?.kind == .invalidResponse && String(describing: error).contains(problem)
                    && String(describing: error).contains("getProjectBySlug")
            }
        }
    }

    @Test func crossHostRedirectDoesNotCarryTheToken() async throws {
        let target = try await TestServer.start(ip: "127.0.0.2") { _, _ in
            ServerReply(body: page([Fixtures.artifact], next: nil))
        }
        let location = target.baseURL.appending(path: "artifacts").absoluteString
        try await withServer({ _, _ in ServerReply(status: 302, headers: ["Location": location]) }) { client, server in
            let artifacts = try await client.artifacts(project: try ProjectSlug("gh/acme/api"), jobNumber: 42).collect()
            #expect(artifacts.map(\.path) == ["coverage/index.html"])
            #expect(server.requests.first?.header("Circle-Token") == testToken)
            let redirected = try #require(target.requests.first)
            #expect(redirected.path == "/artifacts")
            #expect(redirected.header("Circle-Token") == nil)
        }
        await target.stop()
    }

    @Test func stepOutputIsFetchedWithoutTheToken() async throws {
        let storage = try await TestServer.start(ip: "127.0.0.2") { _, _ in ServerReply(body: Fixtures.stepOutput) }
        let outputURL = storage.baseURL.appending(path: "output/0").absoluteString + "?X-Amz-Signature=abc"
        try await withServer({ _, _ in
            ServerReply(body: Fixtures.v1Build.replacingOccurrences(of: "OUTPUT_URL", with: outputURL))
        }) { client, server in
            let steps = try await client.jobSteps(project: try ProjectSlug("gh/acme/api"), jobNumber: 42)
            #expect(server.requests.first?.path == "/api/v1.1/project/github/acme/api/42")
            let action = try #require(steps.first?.actions.first)
            let output = try await client.stepOutput(action)
            #expect(output.map(\.type) == ["out", "err"])
            let fetched = try #require(storage.requests.first)
            #expect(fetched.query["X-Amz-Signature"] == "abc")
            #expect(fetched.header("Circle-Token") == nil)
        }
        await storage.stop()
    }

    @Test func cancellingStopsAnInFlightRequest() async throws {
        try await withServer({ _, _ in ServerReply(body: Fixtures.user, delay: .seconds(60)) }) { client, server in
            let started = ContinuousClock.now
            let task = Task { try await client.me() }
            try await waitUntil(.seconds(30)) { !server.requests.isEmpty }
            task.cancel()
            let result = await task.result
            // Far less than the 60 s the server would take: cancellation stopped the request.
            #expect(ContinuousClock.now - started < .seconds(30))
            guard case .failure(let error) = result else {
                Issue.record("expected the request to be cancelled")
                return
            }
            #expect((error as? CircleCIError)?.kind == .cancelled)
        }
    }

    /// Cancelling a request just as its response completes deadlocked
    /// `URLSession.data(for:)` on Linux (swift-corelibs-foundation#5412); a
    /// time-out does exactly that. Hundreds of cancellations at random moments
    /// around the answer must all end.
    @Test(.timeLimit(.minutes(1))) func cancellingAsTheAnswerArrivesNeverDeadlocks() async throws {
        try await withServer({ _, _ in ServerReply(body: Fixtures.user) }) { client, server in
            for _ in 0..<300 {
                let task = Task { try await client.me() }
                try await Task.sleep(for: .microseconds(Int.random(in: 0...2000)))
                task.cancel()
                _ = await task.result
            }
            _ = try await client.me()
        }
    }

    @Test func slowResponsesTimeOut() async throws {
        try await withServer(requestTimeout: .milliseconds(200), { _, _ in
            ServerReply(body: Fixtures.user, delay: .seconds(60))
        }) { client, server in
            let started = ContinuousClock.now
            await #expect {
                try await client.pipelineConfig(pipelineID: Fixtures.pipelineID)
            } throws: { error in
                (error as? CircleCIError)?.kind == .timeout
            }
            #expect(server.requests.count == 4)
            // Four attempts of 200 ms, not the server's 60 s.
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }

    @Test func connectionRefusedIsATransportError() async throws {
        // A port bound but not listening refuses connections, and no concurrently
        // started test server can take it over while the test runs.
        let port = try ReservedPort()
        defer { port.release() }
        let client = try makeClient(
            URLSessionTransport(), host: "http://127.0.0.1:\(port.number)", retry: RetryPolicy(maxAttempts: 2, jitter: 0))
        await #expect {
            try await client.cancelWorkflow(id: Fixtures.workflowID)
        } throws: { error in
            (error as? CircleCIError)?.kind == .transport && String(describing: error).contains("cancelWorkflow")
        }
        #expect(client.metrics.snapshot.requests == 2)
    }
}

/// A loopback port held by a socket that is bound but never listens.
struct ReservedPort {
    let number: UInt16
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw CancellationError() }
        self.descriptor = descriptor
        self.number = UInt16(bigEndian: address.sin_port)
    }

    func release() { close(descriptor) }
}
