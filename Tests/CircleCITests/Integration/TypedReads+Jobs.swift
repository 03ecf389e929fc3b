import CircleCI
import CircleCISimulator
import Foundation
import Testing

extension TypedRead {
    static let jobReads: [TypedRead] = [
        TypedRead("getJob", "by UUID: the job of the workflow list") { world in
            let (workflow, listed) = try testJob(world)
            let job = try await world.client.job(id: listed.id)
            #expect(job.id == listed.id && job.name == listed.name && job.jobNumber == listed.jobNumber)
            #expect(job.status == listed.status.rawValue && job.type == listed.type.rawValue)
            #expect(job.workflowID == workflow.id && job.pipelineID == workflow.pipelineID)
            #expect(job.projectID == world.landmarks.projectID)
            #expect(job.startedAt == listed.startedAt && job.stoppedAt == listed.stoppedAt)
        },
        TypedRead("getJobDetails", "by number: the job of the workflow list") { world in
            let (workflow, listed) = try testJob(world)
            let details = try await world.client.jobDetails(project: Landmarks.api, number: try number(of: listed))
            #expect(details.number == listed.jobNumber && details.name == listed.name)
            #expect(details.status == listed.status)
            #expect(details.latestWorkflow.id == workflow.id && details.latestWorkflow.name == workflow.name)
            #expect(details.pipeline.id == workflow.pipelineID)
            #expect(details.project.id == world.landmarks.projectID && details.project.slug == "gh/acme/api")
            #expect(details.parallelRuns.count == details.parallelism)
            #expect(details.startedAt == listed.startedAt && details.stoppedAt == listed.stoppedAt)
            let started = try #require(details.startedAt)
            let stopped = try #require(details.stoppedAt)
            let millis = Int((stopped.timeIntervalSince(started) * 1000).rounded())
            #expect(abs((details.duration ?? -1) - millis) <= 1, "duration is in milliseconds")
        },
        TypedRead("getTests", "results of a test job") { world in
            let (_, listed) = try testJob(world)
            let tests = try await world.client.tests(project: Landmarks.api, jobNumber: try number(of: listed)).collect()
            #expect(!tests.isEmpty)
            #expect(tests.allSatisfy { ["success", "failure", "skipped"].contains($0.result) })
            #expect(tests.contains { $0.result == "failure" } == (listed.status == .failed))
            #expect(tests.allSatisfy { $0.result != "failure" || $0.message?.isEmpty == false })
        },
        TypedRead("getJobArtifacts", "on the job's nodes") { world in
            let (_, listed) = try testJob(world)
            let jobNumber = try number(of: listed)
            let details = try await world.client.jobDetails(project: Landmarks.api, number: jobNumber)
            let artifacts = try await world.client.artifacts(project: Landmarks.api, jobNumber: jobNumber).collect()
            #expect(!artifacts.isEmpty)
            #expect(artifacts.allSatisfy { (0..<details.parallelism).contains($0.nodeIndex) && $0.url.hasSuffix($0.path) })
        },
        TypedRead("getBuildV1", "v1.1 steps of the same job") { world in
            let (_, listed) = try testJob(world)
            let jobNumber = try number(of: listed)
            let details = try await world.client.jobDetails(project: Landmarks.api, number: jobNumber)
            let steps = try await world.client.jobSteps(project: Landmarks.api, jobNumber: jobNumber)
            #expect(steps.count > 3)
            for step in steps {
                #expect(step.actions.count == details.parallelism, "one action per node in \(step.name)")
                #expect(step.actions.allSatisfy { $0.name == step.name })
            }
            #expect(steps.first?.actions.first?.startTime == details.startedAt)
            let failed = steps.flatMap(\.actions).filter { $0.failed == true }
            #expect(failed.isEmpty == (listed.status == .success))
        },
        TypedRead("getStepOutput", "presigned output of a step") { world in
            let (_, listed) = try testJob(world)
            let steps = try await world.client.jobSteps(project: Landmarks.api, jobNumber: try number(of: listed))
            let action = try #require(steps.flatMap(\.actions).last { $0.hasOutput == true })
            let output = try await world.client.stepOutput(action)
            #expect(!output.isEmpty)
            #expect(output.allSatisfy { !$0.message.isEmpty && $0.type == "out" })
            let url = try #require(action.outputURL.flatMap(URL.init(string:)))
            #expect(url.host != world.live.host.host, "the output lives on another host")
        },
    ]

    private static func testJob(_ world: SharedSimulator.World) throws -> (Workflow, CircleCI.Job) {
        (
            try Landmarks.require(world.landmarks.testedWorkflow, "tested workflow"),
            try Landmarks.require(world.landmarks.testJob, "test job")
        )
    }

    private static func number(of job: CircleCI.Job) throws -> Int {
        try Landmarks.require(job.jobNumber, "job number of \(job.name)")
    }
}
