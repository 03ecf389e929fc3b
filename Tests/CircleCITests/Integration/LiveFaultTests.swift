import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// The simulator's faults, each seen through the client over HTTP.
@Suite("Faults through the client")
struct LiveFaultTests {
    @Test(arguments: [SimulatorFault.RateLimitBody.json, .plainText, .emptyObject])
    func rateLimitedThenSuccessWaitsRetryAfter(_ body: SimulatorFault.RateLimitBody) async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(
                .rateLimited(retryAfter: 2, body: body), count: 1, matching: .operation("getCurrentUser"))
            let user = try await live.client.me()
            #expect(!user.login.isEmpty)
            #expect(live.clock.recordedSleeps == [.seconds(2)], "Retry-After, once; the window has reset by then")
            #expect(await live.log.entries.map(\.status) == [429, 200])
            let metrics = live.client.metrics.snapshot
            #expect(metrics.requests == 2 && metrics.retries == 1 && metrics.rateLimited == 1)
        }
    }

    @Test(arguments: [
        (SimulatorFault.RateLimitBody.json, "Rate limit exceeded." as String?), (.plainText, "Rate limited."), (.emptyObject, nil),
    ])
    func rateLimitedForGoodReportsCircleCIsMessage(_ body: SimulatorFault.RateLimitBody, _ message: String?) async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.rateLimited(retryAfter: 3, body: body), count: nil)
            let client = live.makeClient(retryPolicy: RetryPolicy(maxAttempts: 3, jitter: 0))
            let error = try await #require(throws: CircleCIError.self) { try await client.project(Landmarks.api) }
            #expect(error.kind == .rateLimited && error.status == 429)
            #expect(error.serverMessage == message && error.retryAfter == .seconds(3))
            #expect(error.operationID == "getProjectBySlug")
            #expect(await live.log.count == 3)
        }
    }

    @Test(arguments: [502, 503, 504])
    func serverErrorBurstOnAGetIsRetriedUntilSuccess(_ status: Int) async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.serverError(status: status), count: 2, matching: .operation("listWorkflowJobs"))
            let workflow = try await PagedList.buildAndTest(live.client)
            let jobs = try await live.client.jobs(workflowID: workflow.id).collect()
            #expect(!jobs.isEmpty)
            let statuses = await live.log.entries.filter { $0.operationID == "listWorkflowJobs" }.map(\.status)
            #expect(statuses == [status, status, 200])
            #expect(live.clock.recordedSleeps == [.milliseconds(10), .milliseconds(20)], "exponential back-off")
        }
    }

    @Test func anHTMLErrorPageBurstIsRetriedAndAPersistentOneNamesThePage() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.htmlErrorPage(status: 502), count: 1, matching: .operation("getCurrentUser"))
            _ = try await live.client.me()
            await live.simulator.faults.inject(.htmlErrorPage(status: 504), count: nil)
            let error = try await #require(throws: CircleCIError.self) { try await live.client.me() }
            #expect(error.kind == .serverError && error.status == 504 && error.operationID == "getCurrentUser")
            #expect(error.serverMessage == "HTML page: 504 Gateway Time-out")
        }
    }

    @Test func anHTMLPageWithStatus200IsAnInvalidResponseNamingTheOperation() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(.htmlErrorPage(status: 200), count: 1)
            let error = try await #require(throws: CircleCIError.self) { try await live.client.project(Landmarks.api) }
            #expect(error.kind == .invalidResponse && error.operationID == "getProjectBySlug")
            #expect(error.description.contains("getProjectBySlug: received an HTML page instead of JSON"))
            #expect(await live.log.count == 1, "a 200 is not retried")
        }
    }

    @Test func aTruncatedBodyIsAnInvalidResponseNamingTheOperation() async throws {
        try await withLiveSimulator { live in
            let pipeline = try #require(try await live.client.pipelines(project: Landmarks.api).collect(limit: 1).first)
            await live.simulator.faults.inject(.truncatedBody(), count: 1, matching: .operation("getPipelineById"))
            let error = try await #require(throws: CircleCIError.self) { try await live.client.pipeline(id: pipeline.id) }
            #expect(error.kind == .invalidResponse && error.operationID == "getPipelineById")
            #expect(error.subject == "pipeline \(pipeline.id)")
            #expect(error.description.hasPrefix("unexpected response from CircleCI: getPipelineById: "))
            #expect(error.underlyingError is DecodingError)
            #expect(try await live.client.pipeline(id: pipeline.id) == pipeline, "the next call is whole again")
        }
    }

    /// The rate limiter turns a request away before it takes effect, so even a
    /// trigger is sent again after `Retry-After`, and runs once.
    @Test func aRateLimitedTriggerIsRetriedAndRunsOnce() async throws {
        try await withLiveSimulator { live in
            await live.simulator.faults.inject(
                .rateLimited(retryAfter: 1, body: .plainText), count: 1, matching: .operation("triggerPipeline"))
            let created = try await live.client.triggerPipeline(project: Landmarks.api)
            #expect(await live.log.entries.filter { $0.method == "POST" }.map(\.status) == [429, 201])
            #expect(live.clock.recordedSleeps == [.seconds(1)])
            #expect(await live.simulator.mutationCount() == 1, "one pipeline, not two")
            let newest = try await live.client.pipelines(project: Landmarks.api).collect(limit: 2)
            #expect(newest.first?.id == created.id && newest.last?.number == created.number - 1)
        }
    }

    @Test(arguments: ["listPipelinesForProject", "cancelWorkflow", "triggerPipeline"])
    func aPostIsNotRetriedOn503(_ operation: String) async throws {
        try await withLiveSimulator { live in
            let workflow = try await PagedList.buildAndTest(live.client)
            await live.log.reset()
            await live.simulator.faults.inject(.serverError(status: 503), count: 1, matching: .operation(operation))
            let call: @Sendable () async throws -> Void =
                switch operation {
                case "cancelWorkflow": { _ = try await live.client.cancelWorkflow(id: workflow.id) }
                case "triggerPipeline": { _ = try await live.client.triggerPipeline(project: Landmarks.api) }
                default: { _ = try await live.client.pipelines(project: Landmarks.api).collect(limit: 1) }
                }
            if operation == "listPipelinesForProject" {
                try await call()
                #expect(await live.log.count(operationID: operation) == 2, "a GET is retried")
                return
            }
            let error = try await #require(throws: CircleCIError.self) { try await call() }
            #expect(error.kind == .serverError && error.status == 503 && error.operationID == operation)
            #expect(error.serverMessage == "Service temporarily unavailable.")
            #expect(await live.log.count(operationID: operation) == 1, "a POST that may have arrived is sent once")
            #expect(await live.simulator.mutationCount() == 0)
        }
    }
}
