import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// Credentials and error reporting, end to end.
@Suite("Authentication and errors against the simulator")
struct LiveAuthTests {
    @Test func everyAPIRequestCarriesTheToken() async throws {
        try await withLiveSimulator { live in
            _ = try await live.client.me()
            _ = try await live.client.pipelines(project: Landmarks.api).collect(limit: 21)
            _ = try await live.client.jobSteps(project: Landmarks.api, jobNumber: firstBuildJobNumber(live.client))
            let entries = await live.log.entries
            #expect(entries.count > 4)
            #expect(entries.allSatisfy { $0.authPresented && $0.status == 200 })
            #expect(entries.contains { $0.path.hasPrefix("/api/v1.1/") }, "v1.1 requests are authenticated too")
        }
    }

    @Test(arguments: ["CCIPAT_wrong_token_0000", nil])
    func aBadOrMissingTokenIsUnauthorizedWithCircleCIsMessage(_ token: String?) async throws {
        try await withLiveSimulator { live in
            let client = live.makeClient(token: token)
            let error = try await #require(throws: CircleCIError.self) { try await client.me() }
            #expect(error.kind == .unauthorized && error.status == 401)
            #expect(error.serverMessage == "Invalid token provided.")
            #expect(error.operationID == "getCurrentUser" && error.path == "/me")
            if let token { #expect(!error.description.contains(token)) }
            let entries = await live.log.entries
            #expect(entries.count == 1, "a 401 is not retried")
            #expect(entries.first?.authPresented == (token != nil))
        }
    }

    @Test func notFoundNamesTheProjectAndTheOperation() async throws {
        try await withLiveSimulator { live in
            let error = try await #require(throws: CircleCIError.self) {
                try await live.client.pipelines(project: try ProjectSlug("gh/acme/nope")).collect()
            }
            #expect(error.kind == .notFound && error.status == 404)
            #expect(error.operationID == "listPipelinesForProject")
            #expect(error.subject == "project gh/acme/nope")
            #expect(error.serverMessage == "Project not found")
            #expect(error.description.hasPrefix("project gh/acme/nope not found (or your token cannot see it)"))
            #expect(error.description.contains("GET /project/gh/acme/nope/pipeline"))
        }
    }

    @Test func notFoundNamesThePipelineID() async throws {
        try await withLiveSimulator { live in
            let id = "5034460f-c7c4-4c43-9457-de07e2029e7b"
            let error = try await #require(throws: CircleCIError.self) { try await live.client.pipeline(id: id) }
            #expect(error.kind == .notFound && error.operationID == "getPipelineById")
            #expect(error.subject == "pipeline \(id)" && error.description.contains(id))
            #expect(error.serverMessage == "Pipeline not found")
            let workflows = try await #require(throws: CircleCIError.self) {
                try await live.client.workflows(pipelineID: id).collect()
            }
            #expect(workflows.kind == .notFound && workflows.operationID == "listWorkflowsByPipelineId")
            #expect(workflows.subject == "pipeline \(id)")
        }
    }

    @Test func anApprovalJobHasANumberButNoDetails() async throws {
        try await withLiveSimulator { live in
            var approval: CircleCI.Job?
            pipelines: for try await pipeline in live.client.pipelines(project: Landmarks.api) {
                for try await workflow in live.client.workflows(pipelineID: pipeline.id) where workflow.name == "deploy" {
                    approval = try await live.client.jobs(workflowID: workflow.id).collect().first {
                        $0.type == .approval && $0.jobNumber != nil
                    }
                    if approval != nil { break pipelines }
                }
            }
            let number = try #require(approval?.jobNumber)
            let error = try await #require(throws: CircleCIError.self) {
                try await live.client.jobDetails(project: Landmarks.api, number: number)
            }
            #expect(error.kind == .notFound && error.subject == "job \(number) of gh/acme/api")
        }
    }

    @Test func malformedIDsFailBeforeAnyRequest() async throws {
        try await withLiveSimulator { live in
            let error = try await #require(throws: CircleCIError.self) { try await live.client.workflow(id: "nope") }
            #expect(error.kind == .invalidArgument && error.operationID == "getWorkflowById")
            #expect(await live.log.count == 0)
        }
    }

    /// The newest finished build job of the flagship project.
    static func firstBuildJobNumber(_ client: CircleCIClient) async throws -> Int {
        let workflow = try await PagedList.buildAndTest(client)
        let jobs = try await client.jobs(workflowID: workflow.id).collect()
        return try Landmarks.require(jobs.first { $0.type == .build }?.jobNumber, "build job")
    }

    private func firstBuildJobNumber(_ client: CircleCIClient) async throws -> Int {
        try await Self.firstBuildJobNumber(client)
    }
}
