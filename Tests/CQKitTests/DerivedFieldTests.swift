import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// The fields cq computes: a pipeline's outcome `state`, `api_state`,
/// `duration`, `url`, and the context jobs, tests and artifacts carry.
@Suite struct DerivedFieldTests {
    let harness = Harness()

    private func pipeline(_ slug: String, _ number: Int) async throws -> Value {
        try await harness.evaluate(#"pipeline("\#(slug)", \#(number))"#)
    }

    @Test func stateOfARerunThatPassedIsSuccess() async throws {
        // gh/org/repo 329: build-and-test failed, its rerun passed.
        let workflows = try await harness.rows(#"pipeline("gh/org/repo", 329) | workflows | map status"#)
        #expect(workflows == [.string("failed"), .string("success")])
        #expect(try await pipeline("gh/org/repo", 329)["state"] == .string("success"))
        let latest = try await harness.rows(#"pipeline("gh/org/repo", 329) | workflows(latest: true) | map status"#)
        #expect(latest == [.string("success")])
    }

    @Test func stateOfARerunThatFailedAgainIsFailed() async throws {
        let workflows = try await harness.rows(#"pipeline("gh/org/repo", 328) | workflows | map status"#)
        #expect(workflows == [.string("failed"), .string("failed")])
        #expect(try await pipeline("gh/org/repo", 328)["state"] == .string("failed"))
    }

    @Test func failureWinsOverAHold() async throws {
        let statuses = try await harness.rows(#"pipeline("gh/acme/api", 1245) | workflows | map status"#)
        #expect(Set(statuses) == [.string("failed"), .string("on_hold")])
        #expect(try await pipeline("gh/acme/api", 1245)["state"] == .string("failed"))
    }

    @Test func runningAndErroredPipelines() async throws {
        let running = try await pipeline("gh/org/repo", 332)
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
        let jobs = try await harness.rows(#"pipeline("gh/org/repo", 329) | jobs"#)
        let workflows = try await harness.rows(#"pipeline("gh/org/repo", 329) | workflows"#)
        #expect(jobs.count == 8)
        for job in jobs {
            let workflowID = try #require(job["workflow_id"]?.stringValue)
            let workflow = try #require(workflows.first { $0["id"] == .string(workflowID) })
            #expect(job["workflow_name"] == workflow["name"])
            #expect(job["pipeline_number"] == .int(329))
            if case .timestamp(let started)? = job["started_at"], case .timestamp(let stopped)? = job["stopped_at"] {
                #expect(job["duration"] == .duration(.seconds(fromDouble: stopped.timeIntervalSince(started))))
            } else {
                #expect(job["duration"] == .null)
            }
            if let number = job["job_number"]?.intValue {
                #expect(
                    job["url"]
                        == .string("https://app.circleci.com/pipelines/github/org/repo/329/workflows/\(workflowID)/jobs/\(number)"))
            } else {
                #expect(job["status"] == .string("not_run"))
            }
        }
    }

    @Test func workflowDurationIsNullWhileRunning() async throws {
        let workflows = try await harness.rows(#"pipeline("gh/org/repo", 332) | workflows"#)
        #expect(!workflows.isEmpty)
        for workflow in workflows where workflow["status"] == .string("running") {
            #expect(workflow["duration"] == .null)
            #expect(workflow["stopped_at"] == .null)
        }
        let finished = try #require(try await harness.rows(#"pipeline("gh/org/repo", 331) | workflows"#).first)
        guard case .timestamp(let created)? = finished["created_at"], case .timestamp(let stopped)? = finished["stopped_at"]
        else {
            Issue.record("a finished workflow has created_at and stopped_at")
            return
        }
        #expect(finished["duration"] == .duration(.seconds(fromDouble: stopped.timeIntervalSince(created))))
        let id = try #require(finished["id"]?.stringValue)
        #expect(finished["url"] == .string("https://app.circleci.com/pipelines/github/org/repo/331/workflows/\(id)"))
    }

    @Test func pipelineLinksUseTheWebApp() async throws {
        #expect(try await pipeline("gh/org/repo", 329)["url"] == .string("https://app.circleci.com/pipelines/github/org/repo/329"))
        let bitbucket = try await harness.evaluate(#"pipelines("bb/acme/legacy") | first"#)
        let number = try #require(bitbucket["number"]?.intValue)
        #expect(bitbucket["url"] == .string("https://app.circleci.com/pipelines/bitbucket/acme/legacy/\(number)"))
    }

    @Test func testsAndArtifactsNameTheirJob() async throws {
        let tests = try await harness.rows(#"job("gh/acme/api", 20668) | tests"#)
        #expect(tests.count == 30)
        #expect(tests.allSatisfy { $0["job_number"] == .int(20668) && $0["job_name"] == .string("unit-tests") })
        #expect(tests.allSatisfy { $0["run_time"]?.kind == .duration })
        let artifacts = try await harness.rows(#"pipeline("gh/acme/api", 1245) | jobs | where name == "unit-tests" | artifacts"#)
        #expect(!artifacts.isEmpty)
        #expect(artifacts.allSatisfy { $0["job_number"] == .int(20668) && $0["job_name"] == .string("unit-tests") })
    }

    @Test func secondsAndMillisecondsBecomeDurations() async throws {
        let details = try await harness.session.client.jobDetails(project: try ProjectSlug("gh/acme/api"), number: 20668)
        let job = try await harness.evaluate(#"job("gh/acme/api", 20668)"#)
        let milliseconds = try #require(details.duration)
        #expect(job["duration"] == .duration(.milliseconds(milliseconds)))
        let run = try #require(try await harness.rows(#"runs("gh/acme/api", "build-and-test") | take 1"#).first)
        let raw = try #require(
            try await harness.session.client.workflowRuns(
                project: try ProjectSlug("gh/acme/api"), workflowName: "build-and-test", branch: .allBranches, dateRange: nil
            ).collect(limit: 1).first)
        #expect(run["duration"] == .duration(.seconds(try #require(raw.duration))))
        let median = try await harness.evaluate(#"(insights("gh/acme/api") | first).metrics.duration_metrics.median"#)
        #expect(median.kind == .duration)
    }
}
