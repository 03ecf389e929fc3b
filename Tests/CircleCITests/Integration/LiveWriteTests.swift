import CircleCI
import CircleCISimulator
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Writes through the client change what the simulator serves afterwards.
@Suite("Writes through the client")
struct LiveWriteTests {
    @Test func triggeringOnABranchWithParametersPutsThePipelineFirst() async throws {
        try await withLiveSimulator { live in
            let client = live.client
            let newest = try #require(try await client.pipelines(project: Landmarks.api).collect(limit: 1).first)
            let parameters: [String: JSONValue] = ["deploy_target": .string("staging"), "shards": .integer(3), "dry_run": .bool(true)]
            let created = try await client.triggerPipeline(
                project: Landmarks.api, TriggerPipelineRequest(branch: "feature/rate-limits", parameters: parameters))
            #expect(created.number == newest.number + 1)
            let first = try #require(try await client.pipelines(project: Landmarks.api).collect(limit: 1).first)
            #expect(first.id == created.id && first.number == created.number && first.state == created.state)
            #expect(first.createdAt == created.createdAt)
            #expect(first.vcs?.branch == "feature/rate-limits" && first.vcs?.tag == nil)
            #expect(first.triggerParameters == parameters)
            let login = try await client.me().login
            #expect(first.trigger.type == .api && first.trigger.actor.login == login)
            let values = try await client.pipelineValues(pipelineID: created.id)
            #expect(values["pipeline.parameters.shards"] == .integer(3))
            let workflows = try await client.workflows(pipelineID: created.id).collect()
            #expect(workflows.map(\.name) == ["build-and-test"], "a feature branch does not deploy")
            #expect(await live.log.entries.first { $0.method == "POST" }?.status == 201)
        }
    }

    @Test func triggeringATagRunsTheDeployWorkflowToo() async throws {
        try await withLiveSimulator { live in
            let created = try await live.client.triggerPipeline(project: Landmarks.api, TriggerPipelineRequest(tag: "v9.9.9"))
            let pipeline = try await live.client.pipeline(project: Landmarks.api, number: created.number)
            #expect(pipeline.id == created.id && pipeline.vcs?.tag == "v9.9.9" && pipeline.vcs?.branch == nil)
            let names = try await live.client.workflows(pipelineID: created.id).collect().map(\.name)
            #expect(names == ["build-and-test", "deploy"])
            let mine = try #require(try await live.client.myPipelines(project: Landmarks.api).collect(limit: 1).first)
            #expect(mine.id == created.id)
        }
    }

    @Test func triggeringAGitHubAppProjectIsABadRequest() async throws {
        try await withLiveSimulator { live in
            let slug = try #require(await live.simulator.projectSlugs().first { $0.hasPrefix("circleci/") })
            let error = try await #require(throws: CircleCIError.self) {
                try await live.client.triggerPipeline(project: try ProjectSlug(slug))
            }
            #expect(error.kind == .badRequest && error.operationID == "triggerPipeline")
            #expect(error.serverMessage?.contains("not supported for GitLab or GitHub App") == true)
            #expect(await live.simulator.mutationCount() == 0)
        }
    }

    @Test func rerunningFromFailedAddsANewWorkflowOfTheFailedJobs() async throws {
        try await withLiveSimulator { live in
            let client = live.client
            let failed = try await find(client) { $0.status == .failed && $0.name == "build-and-test" }
            let failedJobs = try await client.jobs(workflowID: failed.id).collect().filter { $0.status.isFailure }
            let rerun = try await client.rerunWorkflow(id: failed.id, .fromFailedJobs)
            #expect(rerun.workflowID != failed.id)
            let workflows = try await client.workflows(pipelineID: failed.pipelineID).collect()
            let new = try #require(workflows.first { $0.id == rerun.workflowID })
            #expect(new.name == failed.name && new.pipelineNumber == failed.pipelineNumber)
            #expect(new.status == .running && new.stoppedAt == nil)
            let rerunJobs = try await client.jobs(workflowID: new.id).collect()
            #expect(Set(failedJobs.map(\.name)).isSubset(of: Set(rerunJobs.map(\.name))))
            let originalJobs = try await client.jobs(workflowID: failed.id).collect()
            #expect(rerunJobs.count < originalJobs.count)
            #expect(try await client.workflow(id: failed.id) == failed, "the old run stays as it was")
        }
    }

    @Test func rerunningChosenJobsRunsThoseJobs() async throws {
        try await withLiveSimulator { live in
            let client = live.client
            let passed = try await find(client) { $0.status == .success && $0.name == "build-and-test" }
            let lint = try #require(try await client.jobs(workflowID: passed.id).collect().first { $0.name == "lint" })
            let rerun = try await client.rerunWorkflow(id: passed.id, .jobs([lint.id]))
            let jobs = try await client.jobs(workflowID: rerun.workflowID).collect()
            #expect(jobs.contains { $0.name == "lint" && $0.id != lint.id })
            #expect(!jobs.contains { $0.name == "unit-tests" }, "jobs that were not chosen and do not need lint stay out")
            let body = try #require(await live.log.entries.first { $0.operationID == "rerunWorkflow" })
            #expect(body.status == 202)
        }
    }

    @Test func cancellingARunningWorkflowCancelsItsRunningJobs() async throws {
        try await withLiveSimulator { live in
            let client = live.client
            let running = try await find(client) { $0.status == .running }
            let reply = try await client.cancelWorkflow(id: running.id)
            #expect(!reply.message.isEmpty)
            let canceled = try await client.workflow(id: running.id)
            let me = try await client.me()
            #expect(canceled.status == .canceled && canceled.canceledBy == me.id)
            let jobs = try await client.jobs(workflowID: running.id).collect()
            #expect(!jobs.contains { $0.status == .running || $0.status == .queued })
            #expect(jobs.contains { $0.status == .canceled })
            #expect(await live.log.entries.first { $0.operationID == "cancelWorkflow" }?.status == 202)
        }
    }

    @Test func cancellingAJobByIDAndByNumber() async throws {
        try await withLiveSimulator { live in
            let client = live.client
            let created = try await client.triggerPipeline(project: Landmarks.api)
            let workflow = try #require(try await client.workflows(pipelineID: created.id).collect().first)
            let running = try await client.jobs(workflowID: workflow.id).collect().filter { $0.status == .running }
            #expect(running.count >= 2)
            let byID = try #require(running.first)
            _ = try await client.cancelJob(id: byID.id)
            #expect(try await client.job(id: byID.id).status == "canceled")
            let byNumber = try #require(running.last)
            _ = try await client.cancelJob(project: Landmarks.api, number: try #require(byNumber.jobNumber))
            let details = try await client.jobDetails(project: Landmarks.api, number: try #require(byNumber.jobNumber))
            #expect(details.status == .canceled && details.stoppedAt != nil)
            let again = try await #require(throws: CircleCIError.self) { try await client.cancelJob(id: byID.id) }
            #expect(again.kind == .badRequest && again.serverMessage == "Job has already finished.")
        }
    }

    @Test func approvingAHeldJobStartsTheJobsWaitingOnIt() async throws {
        try await withLiveSimulator { live in
            let client = live.client
            let workflow = try await find(client) { $0.status == .onHold }
            let jobs = try await client.jobs(workflowID: workflow.id).collect()
            let hold = try #require(jobs.first { $0.type == .approval && $0.status == .onHold })
            let waiting = jobs.filter { $0.dependencies.contains(hold.id) }
            #expect(!waiting.isEmpty && waiting.allSatisfy { $0.status == .blocked && $0.jobNumber == nil })
            let request = try #require(hold.approvalRequestID)
            _ = try await client.approveJob(workflowID: workflow.id, approvalRequestID: request)
            let after = try await client.jobs(workflowID: workflow.id).collect()
            let approved = try #require(after.first { $0.id == hold.id })
            let me = try await client.me()
            #expect(approved.status == .success && approved.approvedBy == me.id && approved.stoppedAt != nil)
            for job in after where waiting.contains(where: { $0.id == job.id }) {
                #expect(job.status == .running && job.startedAt != nil)
                let number = try #require(job.jobNumber, "a started job gets a number")
                #expect(try await client.jobDetails(project: Landmarks.api, number: number).name == job.name)
            }
            #expect(try await client.workflow(id: workflow.id).status == .running)
            let again = try await #require(throws: CircleCIError.self) {
                try await client.approveJob(workflowID: workflow.id, approvalRequestID: request)
            }
            #expect(again.kind == .badRequest && again.operationID == "approvePendingApprovalJobById")
        }
    }

    /// The bodies of write responses are exactly what the client's models hold,
    /// with the statuses the API document gives.
    @Test func writeResponsesRoundTripThroughTheModels() async throws {
        try await withLiveSimulator { live in
            let failed = try await find(live.client) { $0.status == .failed }
            let (created, createdStatus) = try await post(live, "/project/gh/acme/api/pipeline", #"{"branch": "main"}"#)
            #expect(createdStatus == 201)
            #expect(try WireShape.object(PipelineCreation.self).differences(created).isEmpty)
            let (rerun, rerunStatus) = try await post(live, "/workflow/\(failed.id)/rerun", #"{"from_failed": true}"#)
            #expect(rerunStatus == 202)
            #expect(try WireShape.object(RerunWorkflowResult.self).differences(rerun).isEmpty)
            let rerunID = try CircleCIJSON.makeDecoder().decode(RerunWorkflowResult.self, from: rerun).workflowID
            let (canceled, canceledStatus) = try await post(live, "/workflow/\(rerunID)/cancel", nil)
            #expect(canceledStatus == 202)
            #expect(try WireShape.object(MessageResponse.self).differences(canceled).isEmpty)
        }
    }

    private func post(_ live: LiveSimulator, _ path: String, _ body: String?) async throws -> (Data, Int) {
        var request = URLRequest(url: try #require(URL(string: live.host.absoluteString + "/api/v2" + path)))
        request.httpMethod = "POST"
        request.setValue(Simulator.demoToken, forHTTPHeaderField: "Circle-Token")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    /// The first workflow of the flagship project, newest pipeline first, that `matches`.
    private func find(_ client: CircleCIClient, _ matches: (Workflow) -> Bool) async throws -> Workflow {
        for try await pipeline in client.pipelines(project: Landmarks.api) {
            for try await workflow in client.workflows(pipelineID: pipeline.id) where matches(workflow) {
                return workflow
            }
        }
        throw LandmarkMissing(name: "matching workflow")
    }
}
