import CircleCI
import CircleCISimulator
import Foundation

/// IDs and numbers worth asking about, found by walking the simulator through
/// the client: one of each kind of thing the typed reads take as input.
struct Landmarks: Sendable {
    /// The flagship project.
    static let api = slug("gh/acme/api")
    /// Its organization.
    static let acme = orgSlug("gh/acme")

    var projectID = ""
    var organizationID = ""
    var userID = ""
    /// The newest pipeline of ``api``.
    var pipeline: Pipeline?
    /// A finished `build-and-test` workflow with a test job that reported tests and artifacts.
    var testedWorkflow: Workflow?
    /// A build job of ``testedWorkflow`` with tests and artifacts.
    var testJob: CircleCI.Job?
    /// A finished approval job, with a number but no details.
    var approvalJob: CircleCI.Job?
    var contextID = ""
    var scheduleID = ""
    var webhookID = ""
    var fingerprint = ""
    var environmentVariableName = ""

    /// Walks `gh/acme/api` newest first until every landmark is found.
    static func discover(_ client: CircleCIClient) async throws -> Landmarks {
        var found = Landmarks()
        let project = try await client.project(api)
        found.projectID = project.id
        found.organizationID = project.organizationID
        found.userID = try await client.me().id
        for try await pipeline in client.pipelines(project: api) {
            found.pipeline = found.pipeline ?? pipeline
            for try await workflow in client.workflows(pipelineID: pipeline.id) where workflow.stoppedAt != nil {
                for try await job in client.jobs(workflowID: workflow.id) {
                    try await found.note(job, in: workflow, client: client)
                }
            }
            if found.testJob != nil, found.approvalJob != nil { break }
        }
        found.contextID = try await client.contexts(owner: .slug(acme)).collect(limit: 1).first?.id ?? ""
        found.scheduleID = try await client.schedules(project: api).collect(limit: 1).first?.id ?? ""
        found.webhookID = try await client.webhooks(projectID: project.id).collect(limit: 1).first?.id ?? ""
        found.fingerprint = try await client.checkoutKeys(project: api).collect(limit: 1).first?.fingerprint ?? ""
        found.environmentVariableName =
            try await client.environmentVariables(project: api).collect(limit: 1).first?.name ?? ""
        return found
    }

    private mutating func note(_ job: CircleCI.Job, in workflow: Workflow, client: CircleCIClient) async throws {
        guard let number = job.jobNumber, job.status == .success || job.status == .failed else { return }
        if job.type == .approval {
            approvalJob = approvalJob ?? job
        } else if testJob == nil, workflow.name == "build-and-test", job.name.hasSuffix("tests") {
            let tests = try await client.tests(project: Self.api, jobNumber: number).collect(limit: 1)
            let artifacts = try await client.artifacts(project: Self.api, jobNumber: number).collect(limit: 1)
            if !tests.isEmpty, !artifacts.isEmpty {
                testJob = job
                testedWorkflow = workflow
            }
        }
    }

    /// The landmark or a failure naming it.
    static func require<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw LandmarkMissing(name: name) }
        return value
    }

    private static func slug(_ text: String) -> ProjectSlug {
        // A literal the tests control; a typo should crash loudly here.
        guard let slug = try? ProjectSlug(text) else { fatalError("bad slug literal \(text)") }
        return slug
    }

    private static func orgSlug(_ text: String) -> OrgSlug {
        guard let slug = try? OrgSlug(text) else { fatalError("bad org slug literal \(text)") }
        return slug
    }
}

/// A landmark the walk did not find: the simulated world changed shape.
struct LandmarkMissing: Error, CustomStringConvertible {
    let name: String
    var description: String { "the simulator has no \(name) to test against" }
}
