import CircleCISimulator
import Foundation
import Testing

/// The organisation has the shape the brief promises: projects, counts,
/// failures in gh/org/repo, errored pipelines, approvals, flaky tests.
@Suite struct DataShapeTests {
    let sim = Shared.simulator

    @Test func projectsAndPipelineCounts() async throws {
        let slugs = await sim.projectSlugs()
        #expect(slugs.prefix(4) == ["gh/acme/api", "gh/acme/web", "gh/org/repo", "bb/acme/legacy"])
        #expect(slugs.count == 5)
        #expect(try await sim.all("/project/gh/acme/api/pipeline").count >= 45)
    }

    @Test func theMissionExampleHasFailedPipelines() async throws {
        var failed = 0
        for pipeline in try await sim.all("/project/gh/org/repo/pipeline") {
            let workflows = try await sim.all("/pipeline/\(pipeline["id"] as? String ?? "")/workflow")
            if workflows.contains(where: { $0["status"] as? String == "failed" }) { failed += 1 }
        }
        #expect(failed >= 3)
    }

    @Test func erroredPipelinesHaveErrorsAndNoWorkflows() async throws {
        var errored = 0
        for pipeline in try await sim.all("/project/gh/acme/api/pipeline") where pipeline["state"] as? String == "errored" {
            errored += 1
            #expect((pipeline["errors"] as? [Any])?.isEmpty == false)
            #expect(try await sim.all("/pipeline/\(pipeline["id"] as? String ?? "")/workflow").isEmpty)
        }
        #expect(errored >= 1)
    }

    @Test func mixOfStatusesAndTriggers() async throws {
        var statuses: Set<String> = []
        var triggers: Set<String> = []
        var jobStatuses: Set<String> = []
        for pipeline in try await sim.all("/project/gh/acme/api/pipeline") {
            triggers.insert((pipeline["trigger"] as? [String: Any])?["type"] as? String ?? "")
            for workflow in try await sim.all("/pipeline/\(pipeline["id"] as? String ?? "")/workflow") {
                statuses.insert(workflow["status"] as? String ?? "")
                for job in try await sim.all("/workflow/\(workflow["id"] as? String ?? "")/job") {
                    jobStatuses.insert(job["status"] as? String ?? "")
                    if ["queued", "blocked"].contains(job["status"] as? String) {
                        #expect(job["started_at"] is NSNull)
                    }
                    if job["type"] as? String == "approval" {
                        #expect(job["approval_request_id"] as? String == job["id"] as? String)
                    }
                }
            }
        }
        #expect(statuses.isSuperset(of: ["success", "failed", "running", "on_hold"]))
        #expect(triggers.isSuperset(of: ["webhook", "scheduled_pipeline", "api"]))
        #expect(jobStatuses.isSuperset(of: ["success", "failed", "running", "blocked", "on_hold", "not_run"]))
    }

    @Test func flakyTestsPassedAndFailedOnOneCommit() async throws {
        let reply = try await sim.call(.get, "/insights/gh/acme/api/flaky-tests")
        let flaky = try #require(reply.object["flaky_tests"] as? [[String: Any]])
        #expect(!flaky.isEmpty)
        #expect(reply.object["total_flaky_tests"] as? Double == Double(flaky.count))
        #expect(reply.object["flaky-tests"] == nil)
        let first = try #require(flaky.first)
        let number = try #require(first["job_number"] as? Int)
        let tests = try await sim.all("/project/gh/acme/api/\(number)/tests")
        #expect(tests.contains { $0["name"] as? String == first["test_name"] as? String && $0["result"] as? String == "failure" })
    }
}
