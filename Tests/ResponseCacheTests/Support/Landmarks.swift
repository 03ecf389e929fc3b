import CircleCI
import Foundation

/// Things of the simulated `gh/acme/api` worth asking about, found through a
/// client without a cache: finished and running workflows and pipelines.
struct Landmarks: Sendable {
    /// A workflow that has finished, whose jobs have all finished.
    var finishedWorkflow: Workflow
    /// A workflow still running, with a job that has not finished.
    var runningWorkflow: Workflow
    /// A pipeline whose workflows have all finished.
    var settledPipelineID: String
    /// A pipeline with a workflow that has not finished.
    var runningPipelineID: String
    /// A finished build job with tests and step output.
    var finishedJobNumber: Int
    /// Several finished build jobs, newest first.
    var finishedBuildJobNumbers: [Int]

    static func discover(_ client: CircleCIClient) async throws -> Landmarks {
        var finished: Workflow?
        var running: Workflow?
        var settledPipeline: String?
        var runningPipeline: String?
        var jobNumber: Int?
        var finishedBuilds: [Int] = []
        for try await pipeline in client.pipelines(project: CacheHarness.api).prefix(20) {
            let workflows = try await client.workflows(pipelineID: pipeline.id).collect()
            if !workflows.isEmpty, workflows.allSatisfy(\.status.isFinished) {
                settledPipeline = settledPipeline ?? pipeline.id
            } else if !workflows.isEmpty {
                runningPipeline = runningPipeline ?? pipeline.id
            }
            for workflow in workflows {
                let jobs = try await client.jobs(workflowID: workflow.id).collect()
                finishedBuilds += jobs.filter { $0.type == .build && $0.status.isFinished }.compactMap(\.jobNumber)
                if workflow.status.isFinished, finished == nil, !jobs.isEmpty, jobs.allSatisfy(\.status.isFinished) {
                    finished = workflow
                }
                if workflow.status == .running, running == nil, jobs.contains(where: { !$0.status.isFinished }) {
                    running = workflow
                }
                if jobNumber == nil, let job = jobs.first(where: { $0.type == .build && $0.status == .success }),
                    let number = job.jobNumber,
                    !(try await client.tests(project: CacheHarness.api, jobNumber: number).collect(limit: 1)).isEmpty
                {
                    jobNumber = number
                }
            }
        }
        return Landmarks(
            finishedWorkflow: try require(finished, "a finished workflow"),
            runningWorkflow: try require(running, "a running workflow"),
            settledPipelineID: try require(settledPipeline, "a settled pipeline"),
            runningPipelineID: try require(runningPipeline, "a running pipeline"),
            finishedJobNumber: try require(jobNumber, "a finished job with tests"),
            finishedBuildJobNumbers: finishedBuilds)
    }

    private static func require<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw Missing(name: name) }
        return value
    }

    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "the simulator has no \(name)" }
    }
}

extension CircleCIClient {
    /// A typical query's reads: newest pipelines, their workflows, their jobs,
    /// the details of finished jobs. Returns a summary to compare answers by.
    func walk(pipelines count: Int = 4) async throws -> [String] {
        var lines: [String] = []
        for try await pipeline in pipelines(project: CacheHarness.api).prefix(count) {
            lines.append("pipeline \(pipeline.number) \(pipeline.state)")
            for try await workflow in workflows(pipelineID: pipeline.id) {
                lines.append("workflow \(workflow.name) \(workflow.status)")
                for try await job in jobs(workflowID: workflow.id) {
                    lines.append("job \(job.name) \(job.status)")
                    if job.type == .build, job.status.isFinished, let number = job.jobNumber {
                        let details = try await jobDetails(project: CacheHarness.api, number: number)
                        lines.append("details \(details.number) \(details.status)")
                    }
                }
            }
        }
        return lines
    }
}
