import CQ
@testable import CQKit
import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// The fields cq computes: a pipeline's outcome `state`, `api_state`,
/// `duration`, `url`, and the context jobs, tests and artifacts carry.
@Suite(.timeLimit(.minutes(3))) struct DerivedFieldTests {
    let harness = Harness()

    private func pipeline(_ slug: String, _ number: Int) async throws -> Value {
        try await harness.evaluate(#"pipeline("\#(slug)", \#(number))"#)
    }

    /// The number of the newest pipeline of `slug` matching `condition` (a `where` clause).
    private func newest(_ slug: String, where condition: String) async throws -> Int {
        let number = try await harness.evaluate(#"(pipelines("\#(slug)") | where \#(condition) | first).number"#)
        return try #require(number.intValue, "no pipeline of \(slug) where \(condition)")
    }

    /// The newest pipeline of `slug` with one workflow that ran twice, with
    /// statuses `runs` (oldest first): the simulator reruns some failed workflows.
    private func newestRerun(_ slug: String, runs: [String]) async throws -> Int {
        let rows = try await harness.rows(
            #"pipelines("\#(slug)") | where api_state == "created" | select number, runs: (it | workflows | map {name, status, created_at})"#
        )
        for row in rows {
            let workflows = row["runs"]?.listValue ?? []
            guard Set(workflows.compactMap { $0["name"]?.stringValue }).count == 1 else { continue }
            let ordered = workflows.sorted {
                guard case .timestamp(let a)? = $0["created_at"], case .timestamp(let b)? = $1["created_at"] else { return false }
                return a < b
            }
            if ordered.compactMap({ $0["status"]?.stringValue }) == runs, let number = row["number"]?.intValue { return number }
        }
        return try #require(nil as Int?, "no pipeline of \(slug) has a single workflow whose runs are \(runs)")
    }

    /// A finished job of `slug` that ran tests and failed, as (job number, pipeline number).
    private func failedTestJob(_ slug: String) async throws -> (job: Int, pipeline: Int) {
        let job = try await harness.evaluate(
            #"pipelines("\#(slug)") | where state == "failed" | jobs | where name == "unit-tests" and status == "failed" | first"#)
        return (try #require(job["job_number"]?.intValue, "no failed unit-tests job in \(slug)"),
                try #require(job["pipeline_number"]?.intValue))
    }

    @Test func stateOfARerunThatPassedIsSuccess() async throws {
        // A workflow failed, its rerun passed.
        let number = try await newestRerun("gh/org/repo", runs: ["failed", "success"])
        let workflows = try await harness.rows(#"pipeline("gh/org/repo", \#(number)) | workflows | map status"#)
        #expect(Set(workflows) == [.string("failed"), .string("success")])
        #expect(try await pipeline("gh/org/repo", number)["state"] == .string("success"))
        let latest = try await harness.rows(#"pipeline("gh/org/repo", \#(number)) | workflows(latest: true) | map status"#)
        #expect(latest == [.string("success")])
    }

    @Test func stateOfARerunThatFailedAgainIsFailed() async throws {
        let number = try await newestRerun("gh/org/repo", runs: ["failed", "failed"])
        let workflows = try await harness.rows(#"pipeline("gh/org/repo", \#(number)) | workflows | map status"#)
        #expect(workflows == [.string("failed"), .string("failed")])
        #expect(try await pipeline("gh/org/repo", number)["state"] == .string("failed"))
    }

    /// Failure wins over a hold, and a hold over running workflows: a pipeline
    /// waiting for an approval is found by `where state == "on_hold"`.
    @Test func failureWinsOverAHold() async throws {
        #expect(PipelineOutcome.outcome(apiState: "created", workflowStatuses: ["failed", "on_hold"]) == "failed")
        #expect(PipelineOutcome.outcome(apiState: "created", workflowStatuses: ["on_hold", "running", "failed"]) == "failed")
        #expect(PipelineOutcome.outcome(apiState: "created", workflowStatuses: ["running", "on_hold"]) == "on_hold")
        #expect(PipelineOutcome.outcome(apiState: "created", workflowStatuses: ["on_hold", "success"]) == "on_hold")

        // A simulated pipeline in that state: the organisation a seed generates
        // holds one now and then (deploys wait for approval while the build fails).
        for seed in Self.seeds {
            let harness = seed == Simulator.defaultSeed ? harness : Harness(simulator: Simulator(now: fixedNow, seed: seed))
            for slug in Self.projects {
                let rows = try await harness.rows(
                    #"pipelines("\#(slug)") | take 8 | select number, state, statuses: (it | workflows(latest: true) | map status)"#)
                guard let row = rows.first(where: {
                    let statuses = Set($0["statuses"]?.listValue ?? [])
                    return statuses.contains(.string("failed")) && statuses.contains(.string("on_hold"))
                }) else { continue }
                #expect(row["state"] == .string("failed"), "\(slug) \(row) (seed \(seed))")
                return
            }
        }
        Issue.record("no simulated organisation among seeds \(Self.seeds) has a failed pipeline waiting for approval")
    }

    /// Seeds looked through for a pipeline both failed and on hold: the default first.
    static let seeds: [UInt64] = [Simulator.defaultSeed] + Array(1...12)
    static let projects = ["gh/acme/api", "gh/acme/web", "gh/org/repo", "bb/acme/legacy"]

    @Test func runningAndErroredPipelines() async throws {
        let running = try await pipeline("gh/org/repo", try await newest("gh/org/repo", where: #"state == "running""#))
        #expect(running["state"] == .string("running"))
        #expect(running["api_state"] == .string("created"))
        let errored = try await harness.rows(
            #"pipelines("gh/org/repo") | where api_state == "errored" | select number, state, errors"#)
        #expect(!errored.isEmpty)
        for row in errored {
            #expect(row["state"] == .string("errored"))
            #expect(row["errors"]?.listValue?.isEmpty == false)
        }
    }

    @Test func apiStateIsTheAPIsOwnValue() async throws {
        let client = harness.session.client
        let raw = try await client.pipelines(project: try ProjectSlug("gh/org/repo")).collect(limit: 20)
        let rows = try await harness.rows(#"pipelines("gh/org/repo") | take 20 | select id, api_state"#)
        #expect(rows.count == raw.count)
        for (row, model) in zip(rows, raw) {
            #expect(row["id"] == .string(model.id))
            #expect(row["api_state"]?.stringValue == model.state.rawValue)
        }
    }

    @Test func everyStateFollowsTheLatestRunOfEachWorkflow() async throws {
        let rows = try await harness.rows(
            #"pipelines("gh/org/repo") | where api_state == "created" | select number, state, runs: (it | workflows | map {name, status, created_at})"#
        )
        #expect(rows.count > 15)
        for row in rows {
            let runs = row["runs"]?.listValue ?? []
            var latest: [String: (Date, String)] = [:]
            for run in runs {
                guard case .timestamp(let created)? = run["created_at"], let name = run["name"]?.stringValue,
                    let status = run["status"]?.stringValue
                else { continue }
                if let kept = latest[name], kept.0 > created { continue }
                latest[name] = (created, status)
            }
            let statuses = Set(latest.values.map(\.1))
            let expected =
                !statuses.isDisjoint(with: ["failed", "error", "failing", "unauthorized"]) ? "failed"
                : statuses.contains("running") ? "running"
                : statuses.contains("on_hold") ? "on_hold"
                : statuses.contains("canceled") ? "canceled"
                : statuses.isSubset(of: ["success", "not_run"]) && statuses.contains("success") ? "success" : "?"
            #expect(row["state"] == .string(expected), "pipeline \(row["number"]?.intValue ?? 0): \(latest)")
        }
    }

    @Test func jobsCarryTheirWorkflowContextDurationAndLink() async throws {
        // A pipeline whose workflow ran twice: the jobs of both runs.
        let number = try await newestRerun("gh/org/repo", runs: ["failed", "failed"])
        let jobs = try await harness.rows(#"pipeline("gh/org/repo", \#(number)) | jobs"#)
        let workflows = try await harness.rows(#"pipeline("gh/org/repo", \#(number)) | workflows"#)
        var listed = 0
        for workflow in workflows {
            listed += try await harness.session.client.jobs(workflowID: try #require(workflow["id"]?.stringValue)).collect().count
        }
        #expect(workflows.count == 2)
        #expect(jobs.count == listed)
        for job in jobs {
            let workflowID = try #require(job["workflow_id"]?.stringValue)
            let workflow = try #require(workflows.first { $0["id"] == .string(workflowID) })
            #expect(job["workflow_name"] == workflow["name"])
            #expect(job["pipeline_number"] == .int(number))
            if case .timestamp(let started)? = job["started_at"], case .timestamp(let stopped)? = job["stopped_at"] {
                #expect(job["duration"] == .duration(.seconds(fromDouble: stopped.timeIntervalSince(started))))
            } else {
                #expect(job["duration"] == .null)
            }
            if let jobNumber = job["job_number"]?.intValue {
                #expect(
                    job["url"]
                        == .string("https://app.circleci.com/pipelines/github/org/repo/\(number)/workflows/\(workflowID)/jobs/\(jobNumber)"))
            } else {
                #expect(job["status"] == .string("not_run"))
            }
        }
    }

    @Test func workflowDurationIsNullWhileRunning() async throws {
        let running = try await newest("gh/org/repo", where: #"state == "running""#)
        let workflows = try await harness.rows(#"pipeline("gh/org/repo", \#(running)) | workflows"#)
        #expect(workflows.contains { $0["status"] == .string("running") })
        for workflow in workflows where workflow["status"] == .string("running") {
            #expect(workflow["duration"] == .null)
            #expect(workflow["stopped_at"] == .null)
        }
        let success = try await newest("gh/org/repo", where: #"state == "success""#)
        let finished = try #require(try await harness.rows(#"pipeline("gh/org/repo", \#(success)) | workflows"#).first)
        guard case .timestamp(let created)? = finished["created_at"], case .timestamp(let stopped)? = finished["stopped_at"]
        else {
            Issue.record("a finished workflow has created_at and stopped_at")
            return
        }
        #expect(finished["duration"] == .duration(.seconds(fromDouble: stopped.timeIntervalSince(created))))
        let id = try #require(finished["id"]?.stringValue)
        #expect(finished["url"] == .string("https://app.circleci.com/pipelines/github/org/repo/\(success)/workflows/\(id)"))
    }

    @Test func pipelineLinksUseTheWebApp() async throws {
        let github = try await newest("gh/org/repo", where: "true")
        #expect(try await pipeline("gh/org/repo", github)["url"] == .string("https://app.circleci.com/pipelines/github/org/repo/\(github)"))
        let bitbucket = try await harness.evaluate(#"pipelines("bb/acme/legacy") | first"#)
        let number = try #require(bitbucket["number"]?.intValue)
        #expect(bitbucket["url"] == .string("https://app.circleci.com/pipelines/bitbucket/acme/legacy/\(number)"))
    }

    @Test func testsAndArtifactsNameTheirJob() async throws {
        let (number, pipeline) = try await failedTestJob("gh/acme/api")
        let tests = try await harness.rows(#"job("gh/acme/api", \#(number)) | tests"#)
        let raw = try await harness.session.client.tests(project: try ProjectSlug("gh/acme/api"), jobNumber: number).collect()
        #expect(!raw.isEmpty)
        #expect(tests.count == raw.count)
        #expect(tests.allSatisfy { $0["job_number"] == .int(number) && $0["job_name"] == .string("unit-tests") })
        #expect(tests.allSatisfy { $0["run_time"]?.kind == .duration })
        let artifacts = try await harness.rows(
            #"pipeline("gh/acme/api", \#(pipeline)) | jobs | where job_number == \#(number) | artifacts"#)
        #expect(!artifacts.isEmpty)
        #expect(artifacts.allSatisfy { $0["job_number"] == .int(number) && $0["job_name"] == .string("unit-tests") })
    }

    @Test func secondsAndMillisecondsBecomeDurations() async throws {
        let number = try await failedTestJob("gh/acme/api").job
        let details = try await harness.session.client.jobDetails(project: try ProjectSlug("gh/acme/api"), number: number)
        let job = try await harness.evaluate(#"job("gh/acme/api", \#(number))"#)
        let milliseconds = try #require(details.duration)
        #expect(job["duration"] == .duration(.milliseconds(milliseconds)))
        let run = try #require(try await harness.rows(#"runs("gh/acme/api", "build-and-test") | take 1"#).first)
        let raw = try #require(
            try await harness.session.client.workflowRuns(
                project: try ProjectSlug("gh/acme/api"), workflowName: "build-and-test", branch: .defaultBranch, dateRange: nil
            ).collect(limit: 1).first)
        #expect(run["duration"] == .duration(.seconds(try #require(raw.duration))))
        let median = try await harness.evaluate(#"(insights("gh/acme/api") | first).metrics.duration_metrics.median"#)
        #expect(median.kind == .duration)
    }
}
