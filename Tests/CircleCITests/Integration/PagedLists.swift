import CircleCI
import Foundation
import Testing

extension PagedList {
    /// Every paginated endpoint of the client, with lists long enough to span pages where the world has them.
    static let all: [PagedList] = [
        PagedList("listPipelinesForProject", "59 pipelines, numbers without gaps") { client in
            let numbers = try await client.pipelines(project: Landmarks.api).collect().map(\.number)
            guard let low = numbers.min(), let high = numbers.max() else { return [] }
            #expect(Set(numbers) == Set(low...high))
            return numbers.map(String.init)
        },
        PagedList(
            "listPipelinesForProject", "one branch",
            expecting: { client in
                try await client.pipelines(project: Landmarks.api).collect().filter { $0.vcs?.branch == "main" }.count
            },
            walk: { client in try await client.pipelines(project: Landmarks.api, branch: "main").collect().map(\.id) }),
        PagedList(
            "listMyPipelines", "the token owner's",
            expecting: { client in
                let login = try await client.me().login
                return try await client.pipelines(project: Landmarks.api).collect()
                    .filter { $0.trigger.actor.login == login }.count
            },
            walk: { client in try await client.myPipelines(project: Landmarks.api).collect().map(\.id) }),
        PagedList(
            "listPipelines", "an organization's: its projects' pipelines",
            expecting: { client in
                let web = try ProjectSlug("gh/acme/web")
                return try await client.pipelines(project: Landmarks.api).collect().count
                    + client.pipelines(project: web).collect().count
            },
            walk: { client in try await client.orgPipelines(orgSlug: "gh/acme").collect().map(\.id) }),
        PagedList(
            "getProjectWorkflowRuns", "as many as the workflow metrics count",
            expecting: { client in
                try await client.workflowMetrics(project: Landmarks.api, branch: .allBranches).collect()
                    .first { $0.name == "build-and-test" }?.metrics.totalRuns
            },
            walk: { client in
                try await client.workflowRuns(project: Landmarks.api, workflowName: "build-and-test", branch: .allBranches)
                    .collect().map(\.id)
            }),
        PagedList("getJobTimeseries", "one entry per job and day (page-token undeclared)") { client in
            try await client.jobTimeseries(project: Landmarks.api, workflowName: "build-and-test", branch: "main")
                .collect().map { "\($0.name)@\($0.timestamp.timeIntervalSince1970)" }
        },
        PagedList("getTests", "a Go unit-test job's 30 tests") { client in
            let number = try await unitTestJobNumber(client)
            return try await client.tests(project: Landmarks.api, jobNumber: number).collect()
                .map { "\($0.classname).\($0.name)" }
        },
        PagedList("getJobArtifacts", "a test job's artifacts") { client in
            let number = try await unitTestJobNumber(client)
            return try await client.artifacts(project: Landmarks.api, jobNumber: number).collect()
                .map { "\($0.nodeIndex)/\($0.path)" }
        },
        PagedList("listWorkflowsByPipelineId", "a pipeline's workflows") { client in
            let pipeline = try #require(try await client.pipelines(project: Landmarks.api).collect(limit: 1).first)
            return try await client.workflows(pipelineID: pipeline.id).collect().map(\.id)
        },
        PagedList("listWorkflowJobs", "a workflow's jobs (page-token undeclared)") { client in
            let workflow = try await buildAndTest(client)
            return try await client.jobs(workflowID: workflow.id).collect().map(\.id)
        },
        PagedList("getProjectWorkflowMetrics", "one entry per workflow") { client in
            try await client.workflowMetrics(project: Landmarks.api, branch: .allBranches).collect().map(\.name)
        },
        PagedList("getProjectWorkflowJobMetrics", "one entry per job") { client in
            try await client.jobMetrics(project: Landmarks.api, workflowName: "build-and-test").collect().map(\.name)
        },
        PagedList("listEnvVars", "masked variables (page-token undeclared)") { client in
            try await client.environmentVariables(project: Landmarks.api).collect().map(\.name)
        },
        PagedList("listCheckoutKeys", "keys (page-token undeclared)") { client in
            try await client.checkoutKeys(project: Landmarks.api).collect().map(\.fingerprint)
        },
        PagedList("listSchedulesForProject", "schedules") { client in
            try await client.schedules(project: Landmarks.api).collect().map(\.id)
        },
        PagedList("listContexts", "an organization's contexts") { client in
            try await client.contexts(owner: .slug(Landmarks.acme)).collect().map(\.id)
        },
        PagedList("listEnvironmentVariablesFromContext", "a context's variables") { client in
            try await client.contextEnvironmentVariables(contextID: firstContext(client)).collect().map(\.variable)
        },
        PagedList("getContextRestrictions", "a context's restrictions (page-token undeclared)") { client in
            try await client.contextRestrictions(contextID: firstContext(client)).collect().map { $0.id ?? "" }
        },
        PagedList("getWebhooks", "a project's webhooks (page-token undeclared)") { client in
            let project = try await client.project(Landmarks.api)
            return try await client.webhooks(projectID: project.id).collect().map(\.id)
        },
    ]

    /// The newest finished `build-and-test` workflow of the flagship project.
    static func buildAndTest(_ client: CircleCIClient) async throws -> Workflow {
        for try await pipeline in client.pipelines(project: Landmarks.api) {
            for try await workflow in client.workflows(pipelineID: pipeline.id)
            where workflow.name == "build-and-test" && workflow.status == .success {
                return workflow
            }
        }
        throw LandmarkMissing(name: "successful build-and-test workflow")
    }

    private static func unitTestJobNumber(_ client: CircleCIClient) async throws -> Int {
        let jobs = try await client.jobs(workflowID: buildAndTest(client).id).collect()
        return try Landmarks.require(jobs.first { $0.name == "unit-tests" }?.jobNumber, "unit-tests job")
    }

    private static func firstContext(_ client: CircleCIClient) async throws -> String {
        try Landmarks.require(try await client.contexts(owner: .slug(Landmarks.acme)).collect(limit: 1).first?.id, "context")
    }
}
