import CircleCISimulator
import Foundation
import Testing

/// Insights are computed from the same runs the pipeline endpoints show.
@Suite struct InsightsTests {
    let sim = Shared.simulator

    @Test(arguments: ["build-and-test", "deploy", "nightly"])
    func workflowMetricsMatchTheRuns(_ name: String) async throws {
        let runs = try await sim.all("/insights/gh/acme/api/workflows/\(name)?all-branches=true")
        let metrics = try await sim.all("/insights/gh/acme/api/workflows?all-branches=true")
        let entry = try #require(metrics.first { $0["name"] as? String == name })
        let values = try #require(entry["metrics"] as? [String: Any])
        #expect(values["total_runs"] as? Int == runs.count)
        #expect(values["successful_runs"] as? Int == runs.filter { $0["status"] as? String == "success" }.count)
        #expect(values["failed_runs"] as? Int
            == runs.filter { ["failed", "error"].contains($0["status"] as? String ?? "") }.count)
        #expect(values["total_credits_used"] as? Int == runs.reduce(0) { $0 + ($1["credits_used"] as? Int ?? 0) })
        let durations = runs.compactMap { $0["duration"] as? Int }
        let duration = try #require(values["duration_metrics"] as? [String: Any])
        #expect(duration["max"] as? Int == durations.max())
        #expect(duration["min"] as? Int == durations.min())
    }

    @Test func runsAreFinishedNewestFirstAndMatchWorkflows() async throws {
        let runs = try await sim.all("/insights/gh/acme/api/workflows/build-and-test?all-branches=true")
        let created = runs.compactMap { $0["created_at"] as? String }
        #expect(created == created.sorted(by: >))
        #expect(runs.allSatisfy { ["success", "failed", "error", "canceled"].contains($0["status"] as? String ?? "") })
        let sample = try #require(runs.first)
        let workflow = try await sim.call(.get, "/workflow/\(sample["id"] as? String ?? "")").object
        #expect(workflow["status"] as? String == sample["status"] as? String)
        #expect(workflow["stopped_at"] as? String == sample["stopped_at"] as? String)
    }

    @Test func defaultBranchScopingAndExplicitBranch() async throws {
        let byDefault = try await sim.all("/insights/gh/acme/api/workflows/build-and-test")
        let main = try await sim.all("/insights/gh/acme/api/workflows/build-and-test?branch=main")
        let all = try await sim.all("/insights/gh/acme/api/workflows/build-and-test?all-branches=true")
        #expect(byDefault.map { $0["id"] as? String } == main.map { $0["id"] as? String })
        #expect(byDefault.allSatisfy { $0["branch"] as? String == "main" })
        #expect(all.count > main.count)
    }

    @Test func reportingWindowAndDateRangesFilter() async throws {
        let week = try await sim.call(.get, "/insights/gh/acme/api/workflows?all-branches=true&reporting-window=last-7-days")
        let weekRuns = (week.items.first { $0["name"] as? String == "build-and-test" }?["metrics"] as? [String: Any])?[
            "total_runs"] as? Int
        let start = Date(timeInterval: -7 * 86_400, since: fixedNow)
        let runs = try await sim.all("/insights/gh/acme/api/workflows/build-and-test?all-branches=true")
            .filter { ($0["created_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) }.map { $0 >= start } ?? false }
        #expect(weekRuns == runs.count)
        let ranged = try await sim.all(
            "/insights/gh/acme/api/workflows/build-and-test?all-branches=true&start-date=2025-10-25T00:00:00Z&end-date=2025-11-01T00:00:00Z")
        #expect(ranged.allSatisfy { ($0["created_at"] as? String ?? "") >= "2025-10-25" && ($0["created_at"] as? String ?? "") < "2025-11-01" })
        #expect(!ranged.isEmpty)
    }

    @Test func orgSummaryAddsUpItsProjects() async throws {
        let summary = try await sim.call(.get, "/insights/gh/acme/summary").object
        let org = try #require((summary["org_data"] as? [String: Any])?["metrics"] as? [String: Any])
        let projects = try #require(summary["org_project_data"] as? [[String: Any]])
        #expect(projects.compactMap { $0["project_name"] as? String } == ["api", "web"])
        let sum = projects.reduce(0) { $0 + (($1["metrics"] as? [String: Any])?["total_runs"] as? Int ?? 0) }
        #expect(org["total_runs"] as? Int == sum)
        var perWorkflow = 0
        for slug in ["gh/acme/api", "gh/acme/web"] {
            for metric in try await sim.all("/insights/\(slug)/workflows?all-branches=true") {
                perWorkflow += (metric["metrics"] as? [String: Any])?["total_runs"] as? Int ?? 0
            }
        }
        #expect(perWorkflow == sum)
    }

    @Test func jobMetricsFilterBySubstringAndCountJobs() async throws {
        let metrics = try await sim.all("/insights/gh/acme/api/workflows/build-and-test/jobs?all-branches=true&job-name=tests")
        #expect(Set(metrics.compactMap { $0["name"] as? String }) == ["unit-tests", "integration-tests"])
        let series = try await sim.all("/insights/time-series/gh/acme/api/workflows/build-and-test/jobs?branch=main")
        #expect(!series.isEmpty)
        #expect(series.allSatisfy { ($0["metrics"] as? [String: Any])?["total_runs"] as? Int ?? 0 > 0 })
    }

    @Test func testMetricsUseTheTenLatestRuns() async throws {
        let metrics = try await sim.call(.get, "/insights/gh/acme/api/workflows/build-and-test/test-metrics?all-branches=true").object
        let runs = try #require(metrics["test_runs"] as? [[String: Any]])
        #expect(runs.count == 10)
        let total = runs.reduce(0) { $0 + (($1["test_counts"] as? [String: Any])?["total"] as? Int ?? 0) }
        #expect(metrics["total_test_runs"] as? Int == total)
        #expect((metrics["most_failed_tests"] as? [[String: Any]])?.isEmpty == false)
    }
}
