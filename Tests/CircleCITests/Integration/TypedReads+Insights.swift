import CircleCI
import CircleCISimulator
import Foundation
import Testing

extension TypedRead {
    static let insightsReads: [TypedRead] =
        ReportingWindow.allCases.map(workflowMetrics) + branchScopes.map(workflowMetricsOnBranches) + [
            TypedRead("getProjectWorkflowRuns", "all branches, within a date range") { world in
                let range = try InsightsDateRange(
                    start: integrationNow.addingTimeInterval(-10 * 86_400), end: integrationNow.addingTimeInterval(-86_400))
                let runs = try await world.client.workflowRuns(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .allBranches, dateRange: range
                ).collect()
                #expect(!runs.isEmpty)
                #expect(runs.allSatisfy { $0.createdAt >= range.start && $0.createdAt < (range.end ?? .distantFuture) })
                #expect(Set(runs.map(\.branch)).count > 1)
                #expect(runs.allSatisfy { $0.status?.isKnown == true && $0.duration != nil && $0.stoppedAt != nil })
                let workflow = try await world.client.workflow(id: try #require(runs.first).id)
                #expect(workflow.name == "build-and-test")
            },
            TypedRead("getProjectWorkflowMetrics", "wider reporting windows count more runs") { world in
                var totals: [Int] = []
                for window in ReportingWindow.allCases {
                    let metrics = try await world.client.workflowMetrics(
                        project: Landmarks.api, branch: .allBranches, reportingWindow: window
                    ).collect()
                    totals.append(metrics.first { $0.name == "build-and-test" }?.metrics.totalRuns ?? 0)
                }
                #expect(totals == totals.sorted(), "last-24-hours … last-90-days: \(totals)")
                #expect((totals.first ?? 0) < (totals.last ?? 0), "the window is applied: \(totals)")
                let byDefault = try await world.client.workflowMetrics(project: Landmarks.api).collect()
                let onMain = try await world.client.workflowMetrics(project: Landmarks.api, branch: .branch("main")).collect()
                #expect(byDefault == onMain, "the default branch is main")
            },
            TypedRead("getProjectWorkflowRuns", "a date range narrows the runs") { world in
                let all = try await world.client.workflowRuns(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .allBranches
                ).collect()
                let range = try InsightsDateRange(start: integrationNow.addingTimeInterval(-5 * 86_400))
                let recent = try await world.client.workflowRuns(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .allBranches, dateRange: range
                ).collect()
                #expect(!recent.isEmpty && recent.count < all.count)
                #expect(recent == all.filter { $0.createdAt >= range.start })
            },
            TypedRead("getProjectWorkflowRuns", "one branch, no range") { world in
                let runs = try await world.client.workflowRuns(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .branch("release/2.4")
                ).collect()
                #expect(!runs.isEmpty && runs.allSatisfy { $0.branch == "release/2.4" })
            },
            TypedRead("getProjectWorkflowJobMetrics", "job-name substring over a reporting window") { world in
                let metrics = try await world.client.jobMetrics(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .allBranches,
                    reportingWindow: .last30Days, jobName: "tests"
                ).collect()
                #expect(Set(metrics.map(\.name)) == ["unit-tests", "integration-tests"])
                #expect(metrics.allSatisfy { $0.metrics.successfulRuns + $0.metrics.failedRuns <= $0.metrics.totalRuns })
            },
            TypedRead("getWorkflowSummary", "metrics agree with the runs") { world in
                let summary = try await world.client.workflowSummary(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .allBranches)
                let runs = try await world.client.workflowRuns(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .allBranches
                ).collect()
                #expect(summary.metrics.totalRuns == runs.count)
                #expect(summary.workflowNames.contains("build-and-test"))
            },
            TypedRead("getProjectWorkflowTestMetrics", "the latest runs' tests") { world in
                let metrics = try await world.client.testMetrics(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .branch("main"))
                #expect(metrics.averageTestCount > 0 && !metrics.slowestTests.isEmpty)
                #expect(metrics.testRuns.count <= 10)
                #expect(metrics.mostFailedTests.allSatisfy { $0.failedRuns > 0 })
            },
            TypedRead("getFlakyTests", "tests that passed and failed on one commit") { world in
                let flaky = try await world.client.flakyTests(project: Landmarks.api)
                #expect(!flaky.flakyTests.isEmpty, "the flagship project shows flaky tests")
                #expect(flaky.totalFlakyTests == Double(flaky.flakyTests.count))
                let metrics = try await world.client.testMetrics(
                    project: Landmarks.api, workflowName: "build-and-test", branch: .allBranches)
                let flagged = (metrics.mostFailedTests + metrics.slowestTests).filter(\.flaky).map(\.testName)
                #expect(Set(flagged).isSubset(of: Set(flaky.flakyTests.map(\.testName))))
                for test in flaky.flakyTests {
                    #expect(test.timesFlaked > 0)
                    let workflow = try await world.client.workflow(id: test.workflowID)
                    #expect(workflow.name == test.workflowName && workflow.pipelineNumber == test.pipelineNumber)
                }
            },
            TypedRead("getFlakyTests", "the generic GET reaches the same data") { world in
                let data = try await world.client.get("/api/v2/insights/gh/acme/api/flaky-tests")
                let generic = try CircleCIJSON.makeDecoder().decode(FlakyTests.self, from: data)
                #expect(try await world.client.flakyTests(project: Landmarks.api) == generic)
            },
            TypedRead("getAllInsightsBranches", "for the project and for one workflow") { world in
                let all = try await world.client.insightsBranches(project: Landmarks.api)
                #expect(all.projectID == world.landmarks.projectID && all.orgID == world.landmarks.organizationID)
                #expect(all.branches.contains("main") && all.branches.contains("release/2.4"))
                let nightly = try await world.client.insightsBranches(project: Landmarks.api, workflowName: "nightly")
                #expect(nightly.branches == ["main"])
            },
            TypedRead("getJobTimeseries", "daily over a range, hourly by default") { world in
                let range = try InsightsDateRange(start: integrationNow.addingTimeInterval(-14 * 86_400), end: integrationNow)
                let daily = try await world.client.jobTimeseries(
                    project: Landmarks.api, workflowName: "build-and-test", branch: "main", granularity: .daily,
                    dateRange: range
                ).collect()
                #expect(!daily.isEmpty)
                #expect(daily.allSatisfy { $0.timestamp >= range.start.addingTimeInterval(-86_400) })
                #expect(daily.allSatisfy { $0.minStartedAt <= $0.maxEndedAt && $0.metrics.totalRuns > 0 })
                _ = try await world.client.jobTimeseries(
                    project: Landmarks.api, workflowName: "build-and-test", granularity: .hourly
                ).collect()
            },
            TypedRead("getOrgSummaryData", "every project, or only the named ones") { world in
                let summary = try await world.client.orgSummary(org: Landmarks.acme, reportingWindow: .last30Days)
                #expect(Set(summary.orgProjectData.map(\.projectName)) == ["api", "web"])
                #expect(summary.orgData.metrics.totalRuns == summary.orgProjectData.reduce(0) { $0 + $1.metrics.totalRuns })
                let one = try await world.client.orgSummary(org: Landmarks.acme, projectNames: ["web"])
                #expect(one.orgProjectData.map(\.projectName) == ["web"])
            },
            TypedRead("getProjectWorkflowsPageData", "filtered by branches and workflow names") { world in
                let page = try await world.client.projectWorkflowsPageData(
                    project: Landmarks.api, reportingWindow: .last7Days, branches: ["main"],
                    workflowNames: ["build-and-test"])
                #expect(page.projectID == world.landmarks.projectID)
                #expect(page.allWorkflows?.contains("deploy") == true)
                #expect(page.projectWorkflowData?.allSatisfy { $0.workflowName == "build-and-test" } ?? false)
                #expect(page.projectWorkflowBranchData?.allSatisfy { $0.branch == "main" } ?? false)
            },
        ]

    private static let branchScopes: [BranchScope] = [.defaultBranch, .branch("main"), .allBranches]

    private static func workflowMetrics(_ window: ReportingWindow) -> TypedRead {
        TypedRead("getProjectWorkflowMetrics", "all branches, \(window.rawValue)") { world in
            let metrics = try await world.client.workflowMetrics(
                project: Landmarks.api, branch: .allBranches, reportingWindow: window
            ).collect()
            for entry in metrics {
                #expect(entry.projectID == world.landmarks.projectID)
                #expect(entry.metrics.successfulRuns + entry.metrics.failedRuns <= entry.metrics.totalRuns)
            }
            if window != .last24Hours {
                #expect(metrics.contains { $0.name == "build-and-test" })
            }
        }
    }

    private static func workflowMetricsOnBranches(_ scope: BranchScope) -> TypedRead {
        TypedRead("getProjectWorkflowMetrics", "\(scope): runs match the run list") { world in
            let metrics = try await world.client.workflowMetrics(project: Landmarks.api, branch: scope).collect()
            let entry = try #require(metrics.first { $0.name == "build-and-test" })
            let runs = try await world.client.workflowRuns(
                project: Landmarks.api, workflowName: "build-and-test", branch: scope
            ).collect()
            #expect(entry.metrics.totalRuns == runs.count)
            #expect(entry.metrics.successfulRuns == runs.filter { $0.status == .success }.count)
        }
    }
}
