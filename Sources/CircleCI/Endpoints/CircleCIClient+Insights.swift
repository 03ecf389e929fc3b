import Foundation

extension CircleCIClient {
    /// Summary metrics of a project's workflows (`getProjectWorkflowMetrics`).
    public func workflowMetrics(
        project: ProjectSlug, branch: BranchScope = .defaultBranch, reportingWindow: ReportingWindow? = nil
    ) -> Paginated<WorkflowMetrics> {
        paginate(WorkflowMetrics.self) {
            APIRequest(
                operationID: "getProjectWorkflowMetrics", path: "/insights/\(project.pathComponent)/workflows",
                query: branch.queryItems + Self.windowItems(reportingWindow), subject: "Insights of \(project)")
        }
    }

    /// Recent runs of a workflow, at most 90 days back (`getProjectWorkflowRuns`).
    public func workflowRuns(
        project: ProjectSlug, workflowName: String, branch: BranchScope = .defaultBranch,
        dateRange: InsightsDateRange? = nil
    ) -> Paginated<WorkflowRun> {
        paginate(WorkflowRun.self) {
            APIRequest(
                operationID: "getProjectWorkflowRuns", path: Self.insightsPath(project, workflowName),
                query: branch.queryItems + (dateRange?.queryItems ?? []),
                subject: "workflow \(workflowName) of \(project)")
        }
    }

    /// Summary metrics of a workflow's jobs (`getProjectWorkflowJobMetrics`).
    ///
    /// - Parameter jobName: a job name or a substring of one.
    public func jobMetrics(
        project: ProjectSlug, workflowName: String, branch: BranchScope = .defaultBranch,
        reportingWindow: ReportingWindow? = nil, jobName: String? = nil
    ) -> Paginated<JobMetrics> {
        paginate(JobMetrics.self) {
            APIRequest(
                operationID: "getProjectWorkflowJobMetrics", path: Self.insightsPath(project, workflowName) + "/jobs",
                query: branch.queryItems + Self.windowItems(reportingWindow)
                    + (jobName.map { [URLQueryItem(name: "job-name", value: $0)] } ?? []),
                subject: "workflow \(workflowName) of \(project)")
        }
    }

    /// Metrics and trends of a workflow (`getWorkflowSummary`).
    public func workflowSummary(
        project: ProjectSlug, workflowName: String, branch: BranchScope = .defaultBranch
    ) async throws -> WorkflowSummary {
        try await fetch(
            WorkflowSummary.self,
            APIRequest(
                operationID: "getWorkflowSummary", path: Self.insightsPath(project, workflowName) + "/summary",
                query: branch.queryItems, subject: "workflow \(workflowName) of \(project)"))
    }

    /// Test metrics of a workflow, from its 10 most recent runs (`getProjectWorkflowTestMetrics`).
    public func testMetrics(
        project: ProjectSlug, workflowName: String, branch: BranchScope = .defaultBranch
    ) async throws -> TestMetrics {
        try await fetch(
            TestMetrics.self,
            APIRequest(
                operationID: "getProjectWorkflowTestMetrics", path: Self.insightsPath(project, workflowName) + "/test-metrics",
                query: branch.queryItems, subject: "workflow \(workflowName) of \(project)"))
    }

    /// The flaky tests of a project; branch-agnostic (`getFlakyTests`).
    public func flakyTests(project: ProjectSlug) async throws -> FlakyTests {
        try await fetch(
            FlakyTests.self,
            APIRequest(
                operationID: "getFlakyTests", path: "/insights/\(project.pathComponent)/flaky-tests",
                subject: "Insights of \(project)"))
    }

    /// The branches Insights knows for a project, at most 5,000 (`getAllInsightsBranches`).
    public func insightsBranches(project: ProjectSlug, workflowName: String? = nil) async throws -> InsightsBranches {
        try await fetch(
            InsightsBranches.self,
            APIRequest(
                operationID: "getAllInsightsBranches", path: "/insights/\(project.pathComponent)/branches",
                query: workflowName.map { [URLQueryItem(name: "workflow-name", value: $0)] } ?? [],
                subject: "Insights of \(project)"))
    }

    /// Job metrics of a workflow over time (`getJobTimeseries`).
    public func jobTimeseries(
        project: ProjectSlug, workflowName: String, branch: String? = nil,
        granularity: TimeseriesGranularity? = nil, dateRange: InsightsDateRange? = nil
    ) -> Paginated<JobTimeseries> {
        paginate(JobTimeseries.self) {
            var query = branch.map { [URLQueryItem(name: "branch", value: $0)] } ?? []
            if let granularity { query.append(URLQueryItem(name: "granularity", value: granularity.rawValue)) }
            query += dateRange?.queryItems ?? []
            return APIRequest(
                operationID: "getJobTimeseries",
                path: "/insights/time-series/\(project.pathComponent)/workflows/\(PathSegment.encode(workflowName))/jobs",
                query: query, subject: "workflow \(workflowName) of \(project)")
        }
    }

    /// Metrics and trends of an organization and its projects (`getOrgSummaryData`).
    ///
    /// - Parameter projectNames: only these projects (repeatable `project-names`).
    public func orgSummary(
        org: OrgSlug, reportingWindow: ReportingWindow? = nil, projectNames: [String] = []
    ) async throws -> OrgSummary {
        try await fetch(
            OrgSummary.self,
            APIRequest(
                operationID: "getOrgSummaryData", path: "/insights/\(org.pathComponent)/summary",
                query: Self.windowItems(reportingWindow) + projectNames.map { URLQueryItem(name: "project-names", value: $0) },
                subject: "Insights of \(org)"))
    }

    /// Metrics and trends of a project, its workflows and branches (`getProjectWorkflowsPageData`).
    ///
    /// - Parameters:
    ///   - branches: only these branches (repeatable `branches`).
    ///   - workflowNames: only these workflows (repeatable `workflow-names`).
    public func projectWorkflowsPageData(
        project: ProjectSlug, reportingWindow: ReportingWindow? = nil, branches: [String] = [],
        workflowNames: [String] = []
    ) async throws -> ProjectWorkflowsPageData {
        try await fetch(
            ProjectWorkflowsPageData.self,
            APIRequest(
                operationID: "getProjectWorkflowsPageData", path: "/insights/pages/\(project.pathComponent)/summary",
                query: Self.windowItems(reportingWindow) + branches.map { URLQueryItem(name: "branches", value: $0) }
                    + workflowNames.map { URLQueryItem(name: "workflow-names", value: $0) },
                subject: "Insights of \(project)"))
    }

    private static func insightsPath(_ project: ProjectSlug, _ workflowName: String) -> String {
        "/insights/\(project.pathComponent)/workflows/\(PathSegment.encode(workflowName))"
    }

    private static func windowItems(_ window: ReportingWindow?) -> [URLQueryItem] {
        window.map { [URLQueryItem(name: "reporting-window", value: $0.rawValue)] } ?? []
    }
}
