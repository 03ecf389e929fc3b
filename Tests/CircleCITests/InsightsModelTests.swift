import CircleCI
import Foundation
import Testing

@Suite("Decoding Insights")
struct InsightsModelTests {
    @Test func workflowMetricsWithNullableMetrics() throws {
        let metrics = try decode(WorkflowMetrics.self, Fixtures.workflowMetrics)
        #expect(metrics.metrics.mttr == nil)
        #expect(metrics.metrics.totalCreditsUsed == 4200)
        #expect(metrics.metrics.durationMetrics.p95 == 600)
        #expect(metrics.metrics.durationMetrics.standardDeviation == 120.5)
        let encoded = try jsonObject(CircleCIJSON.makeEncoder().encode(metrics))["metrics"] as? [String: Any]
        #expect(encoded?["mttr"] is NSNull)
    }

    @Test func workflowRunWithNullStatusAndDuration() throws {
        let run = try decode(WorkflowRun.self, Fixtures.workflowRun)
        #expect(run.status == nil)
        #expect(run.duration == nil)
        #expect(!run.isApproval)
        #expect(try encodedKeys(run) == fixtureKeys(Fixtures.workflowRun))
    }

    @Test func jobMetricsTimeseriesAndSummary() throws {
        let job = try decode(JobMetrics.self, Fixtures.jobMetrics)
        #expect(job.metrics.durationMetrics.median == nil)
        let series = try decode(JobTimeseries.self, Fixtures.jobTimeseries)
        #expect(series.metrics.durationMetrics.total == 450)
        let summary = try decode(WorkflowSummary.self, Fixtures.workflowSummary)
        #expect(summary.metrics.completedRuns == 10)
        #expect(summary.trends.p95DurationSecs == 0.9)
        #expect(summary.workflowNames == ["build-and-test", "deploy"])
    }

    @Test func testMetricsBranchesAndSummaries() throws {
        let tests = try decode(TestMetrics.self, Fixtures.testMetrics)
        #expect(tests.mostFailedTests.first?.classname == nil)
        #expect(tests.testRuns.first?.testCounts.failure == 3)
        #expect(try decode(InsightsBranches.self, Fixtures.insightsBranches).branches == ["main", "feature/x"])
        let org = try decode(OrgSummary.self, Fixtures.orgSummary)
        #expect(org.allProjects == nil)
        #expect(org.orgProjectData.first?.projectName == "api")
        let page = try decode(ProjectWorkflowsPageData.self, Fixtures.projectWorkflowsPageData)
        #expect(page.projectWorkflowBranchData?.first?.metrics.p95DurationSecs == 120.5)
        #expect(page.allWorkflows == ["build"])
    }

    @Test(arguments: [Fixtures.flakyTestsSnake, Fixtures.flakyTestsKebab])
    func flakyTestsDecodeInBothSpellings(json: String) throws {
        let flaky = try decode(FlakyTests.self, json)
        #expect(flaky.totalFlakyTests == 1)
        let test = try #require(flaky.flakyTests.first)
        #expect(test.testName == "testLex")
        #expect(test.timesFlaked == 3)
        #expect(test.jobNumber == 42)
        #expect(test.file == nil)
        #expect(test.workflowID == Fixtures.workflowID)
    }

    @Test func flakyTestsEncodeSnakeCaseAsTheAPISendsIt() throws {
        let flaky = try decode(FlakyTests.self, Fixtures.flakyTestsKebab)
        #expect(try encodedKeys(flaky) == ["flaky_tests", "total_flaky_tests"])
        #expect(try roundTrip(flaky) == flaky)
    }
}
