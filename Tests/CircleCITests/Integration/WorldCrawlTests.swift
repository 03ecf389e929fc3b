import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// Walks every project of the simulated organisation through the client: every
/// pipeline, workflow and job decodes with values the API document lists, and
/// one job of each kind and status agrees across job list, job by ID, job
/// details, tests, artifacts and v1.1 steps.
@Suite("Crawling the whole simulated organisation")
struct WorldCrawlTests {
    /// What one project's crawl saw.
    struct Seen: Sendable {
        var pipelineStates: Set<String> = []
        var workflowStatuses: Set<String> = []
        var jobStatuses: Set<String> = []
        var jobsChecked = 0
        /// Kinds of job (type, status, runs tests) already checked in depth.
        var sampledKinds: Set<String> = []
    }

    @Test func everyProjectDecodesAndAgreesWithItself() async throws {
        try await withLiveSimulator { live in
            var seen = Seen()
            for text in await live.simulator.projectSlugs() {
                try await crawl(try ProjectSlug(text), client: live.client, seen: &seen)
            }
            #expect(seen.pipelineStates.isSuperset(of: ["created", "errored"]))
            #expect(seen.workflowStatuses.isSuperset(of: ["success", "failed", "running", "on_hold", "canceled"]))
            #expect(seen.jobStatuses.isSuperset(of: [
                "success", "failed", "running", "blocked", "on_hold", "canceled", "timedout", "infrastructure_fail",
            ]))
            #expect(seen.jobsChecked > 15)
            let failures = await live.log.entries.filter { $0.status != 200 }
            #expect(failures.isEmpty, "\(failures.map { "\($0.operationID) \($0.path) → \($0.status)" })")
        }
    }

    /// Checks one job of each kind in depth across the organisation, and one
    /// build job of every project (each VCS spells its v1.1 path differently).
    private func crawl(_ slug: ProjectSlug, client: CircleCIClient, seen: inout Seen) async throws {
        var projectChecked = false
        for try await pipeline in client.pipelines(project: slug) {
            expectKnown(pipeline.state, "pipeline state")
            expectKnown(pipeline.trigger.type, "trigger type")
            pipeline.errors.forEach { expectKnown($0.type, "pipeline error type") }
            seen.pipelineStates.insert(pipeline.state.rawValue)
            let workflows = try await client.workflows(pipelineID: pipeline.id).collect()
            #expect(workflows.isEmpty == (pipeline.state == .errored), "an errored pipeline runs no workflows")
            for workflow in workflows {
                expectKnown(workflow.status, "workflow status")
                seen.workflowStatuses.insert(workflow.status.rawValue)
                #expect((workflow.stoppedAt == nil) == [.running, .onHold, .failing].contains(workflow.status))
                for job in try await client.jobs(workflowID: workflow.id).collect() {
                    expectKnown(job.status, "job status")
                    expectKnown(job.type, "job type")
                    seen.jobStatuses.insert(job.status.rawValue)
                    let kind = "\(job.type)/\(job.status)/\(job.name.hasSuffix("tests"))"
                    let firstOfProject = !projectChecked && job.type == .build && job.stoppedAt != nil
                    guard seen.sampledKinds.insert(kind).inserted || firstOfProject else { continue }
                    try await check(job, in: workflow, project: slug, client: client)
                    projectChecked = projectChecked || firstOfProject
                    seen.jobsChecked += 1
                }
            }
        }
    }

    /// One job, seen through every endpoint that shows it.
    private func check(_ job: CircleCI.Job, in workflow: Workflow, project: ProjectSlug, client: CircleCIClient)
        async throws
    {
        let byID = try await client.job(id: job.id)
        #expect(byID.status == job.status.rawValue && byID.workflowID == workflow.id && byID.jobNumber == job.jobNumber)
        guard job.type == .build, let number = job.jobNumber else { return }
        let details = try await client.jobDetails(project: project, number: number)
        #expect(details.status == job.status && details.name == job.name && details.latestWorkflow.id == workflow.id)
        #expect(details.startedAt == job.startedAt && details.stoppedAt == job.stoppedAt)
        let tests = try await client.tests(project: project, jobNumber: number).collect()
        if job.status == .success { #expect(!tests.contains { $0.result == "failure" }) }
        if job.status == .failed, job.name.hasSuffix("tests") { #expect(tests.contains { $0.result == "failure" }) }
        _ = try await client.artifacts(project: project, jobNumber: number).collect()
        let steps = try await client.jobSteps(project: project, jobNumber: number)
        let actions = steps.flatMap(\.actions)
        #expect(!actions.isEmpty || job.startedAt == nil)
        switch job.status {
        case .success: #expect(actions.allSatisfy { $0.status == "success" && $0.failed == false })
        case .failed: #expect(actions.contains { $0.failed == true && $0.exitCode == 1 })
        case .running: #expect(actions.contains { $0.status == "running" && $0.endTime == nil })
        case .timedout: #expect(actions.contains { $0.status == "timedout" && $0.timedout == true })
        case .infrastructureFail: #expect(actions.contains { $0.infrastructureFail == true })
        default: break
        }
        if let action = actions.last(where: { $0.hasOutput == true }) {
            #expect(!(try await client.stepOutput(action)).isEmpty)
        }
    }
}
