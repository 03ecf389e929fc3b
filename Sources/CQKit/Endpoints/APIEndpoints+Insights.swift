import CQ

extension APIEndpoints {
    static let workflowMetrics = Endpoint(
        "getProjectWorkflowMetrics", path: "/insights/{project}/workflows", query: insightsBranch + [reportingWindow],
        isPaged: true)

    static let workflowRuns = Endpoint(
        "getProjectWorkflowRuns", path: "/insights/{project}/workflows/{workflow}", query: insightsBranch + dateRange,
        isPaged: true,
        filters: [
            // Only over all branches: the default scope holds the default branch's runs alone.
            .init(["branch"], .equal, parameter: "branch", when: .isTrue("all_branches")),
            .init(["created_at"], .atOrAfter, parameter: "since"),
            .init(["created_at"], .before, parameter: "until", requires: "since"),
        ])

    static let jobMetrics = Endpoint(
        "getProjectWorkflowJobMetrics", path: "/insights/{project}/workflows/{workflow}/jobs",
        query: insightsBranch + [reportingWindow, .init("job-name", from: "job")], isPaged: true)

    static let jobTimeseries = Endpoint(
        "getJobTimeseries", path: "/insights/time-series/{project}/workflows/{workflow}/jobs",
        query: [.init("branch", from: "branch"), .init("granularity", from: "granularity")] + dateRange, isPaged: true)

    static let workflowSummary = Endpoint(
        "getWorkflowSummary", path: "/insights/{project}/workflows/{workflow}/summary", query: insightsBranch)

    static let testMetrics = Endpoint(
        "getProjectWorkflowTestMetrics", path: "/insights/{project}/workflows/{workflow}/test-metrics",
        query: insightsBranch)

    static let flakyTests = Endpoint("getFlakyTests", path: "/insights/{project}/flaky-tests")

    static let insightsBranches = Endpoint(
        "getAllInsightsBranches", path: "/insights/{project}/branches", query: [.init("workflow-name", from: "workflow")])

    static let orgSummary = Endpoint(
        "getOrgSummaryData", path: "/insights/{org}/summary",
        query: [reportingWindow, .init("project-names", from: "projects")])

    static let projectSummary = Endpoint(
        "getProjectWorkflowsPageData", path: "/insights/pages/{project}/summary", query: [reportingWindow])
}
