import Foundation

/// Insights over workflow and job runs, all computed from the world's runs.
enum InsightsEndpoints {
    static let routes: [Route] = [
        .get("/insights/pages/{project-slug}/summary", "getProjectWorkflowsPageData", InsightsSummaries.projectPage),
        .get("/insights/time-series/{project-slug}/workflows/{workflow-name}/jobs", "getJobTimeseries",
             JobTimeseries.response),
        .get("/insights/{org-slug}/summary", "getOrgSummaryData", InsightsSummaries.organization),
        .get("/insights/{project-slug}/branches", "getAllInsightsBranches", branches),
        .get("/insights/{project-slug}/flaky-tests", "getFlakyTests", FlakyTests.response),
        .get("/insights/{project-slug}/workflows", "getProjectWorkflowMetrics", workflowMetrics),
        .get("/insights/{project-slug}/workflows/{workflow-name}", "getProjectWorkflowRuns", workflowRuns),
        .get("/insights/{project-slug}/workflows/{workflow-name}/jobs", "getProjectWorkflowJobMetrics", jobMetrics),
        .get("/insights/{project-slug}/workflows/{workflow-name}/summary", "getWorkflowSummary", workflowSummary),
        .get("/insights/{project-slug}/workflows/{workflow-name}/test-metrics", "getProjectWorkflowTestMetrics",
             TestMetrics.response),
    ]

    private static func workflowMetrics(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let scope = try BranchScope.from(context, project: project)
        let window = try ReportingWindow.from(context)
        let range = window.ranges(endingAt: world.now).current
        let runs = world.runRecords(of: project, scope: scope).filter { range.contains($0.createdAt) }
        let names = world.workflowNames(of: project).filter { name in runs.contains { $0.workflow.name == name } }
        return try Pagination.response(names, list: "wf-metrics/\(project.id)/\(scope.key)/\(window.rawValue)",
                                       context: context, key: { $0 }) { name in
            let aggregate = RunAggregate(runs: runs.filter { $0.workflow.name == name }, days: window.days)
            return .object([
                ("name", .string(name)),
                ("metrics", aggregate.workflowMetricsJSON),
                ("window_start", .date(aggregate.windowStart)),
                ("window_end", .date(aggregate.windowEnd)),
                ("project_id", .uuid(project.id)),
            ])
        }
    }

    private static func workflowRuns(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let scope = try BranchScope.from(context, project: project)
        let dates = try DateRange.from(context)
        let name = context.parameter("workflow-name")
        let oldest = world.now.addingTimeInterval(-90 * 86_400)
        let runs = world.runRecords(of: project, workflow: name, scope: scope)
            .filter { dates.contains($0.createdAt) && $0.createdAt >= oldest }
        let list = "runs/\(project.id)/\(name)/\(scope.key)/\(context.queryValue("start-date") ?? "")"
            + "/\(context.queryValue("end-date") ?? "")"
        return try Pagination.response(runs, list: list, context: context, key: \.workflow.id.lowercasedString) { run in
            .object([
                ("id", .uuid(run.workflow.id)),
                ("branch", .string(run.branch ?? "")),
                ("duration", .int(run.durationSeconds)),
                ("created_at", .date(run.createdAt)),
                ("stopped_at", .date(run.stoppedAt)),
                ("credits_used", .int(run.creditsUsed)),
                ("status", .string(run.status)),
                ("is_approval", .bool(run.isApproval)),
            ])
        }
    }

    private static func jobMetrics(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let scope = try BranchScope.from(context, project: project)
        let window = try ReportingWindow.from(context)
        let range = window.ranges(endingAt: world.now).current
        let name = context.parameter("workflow-name")
        let filter = context.queryValue("job-name")
        let runs = world.runRecords(of: project, workflow: name, scope: scope).filter { range.contains($0.createdAt) }
        let groups = JobAggregate.group(runs, days: window.days)
            .filter { filter == nil || filter == "" || $0.name.contains(filter ?? "") }
        let list = "job-metrics/\(project.id)/\(name)/\(scope.key)/\(window.rawValue)/\(filter ?? "")"
        return try Pagination.response(groups, list: list, context: context, key: \.name) { group in
            .object([
                ("name", .string(group.name)),
                ("metrics", group.metricsJSON),
                ("window_start", .date(group.jobs.compactMap(\.startedAt).min())),
                ("window_end", .date(group.jobs.compactMap(\.stoppedAt).max())),
            ])
        }
    }

    private static func workflowSummary(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let scope = try BranchScope.from(context, project: project)
        let name = context.parameter("workflow-name")
        let window = ReportingWindow.last90Days
        let ranges = window.ranges(endingAt: world.now)
        let runs = world.runRecords(of: project, workflow: name, scope: scope)
        let current = RunAggregate(runs: runs.filter { ranges.current.contains($0.createdAt) }, days: window.days)
        let previous = RunAggregate(runs: runs.filter { ranges.previous.contains($0.createdAt) }, days: window.days)
        func trend(_ value: (RunAggregate) -> Double) -> JSON { .double(Trend.of(value(current), value(previous))) }
        return .json(.object([
            ("metrics", .object([
                ("total_runs", .int(current.totalRuns)),
                ("successful_runs", .int(current.successfulRuns)),
                ("mttr", .int(current.mttr)),
                ("total_credits_used", .int(current.totalCredits)),
                ("failed_runs", .int(current.failedRuns)),
                ("success_rate", .double(current.successRate)),
                ("completed_runs", .int(current.totalRuns)),
                ("window_start", .date(current.windowStart ?? ranges.current.lowerBound)),
                ("duration_metrics", current.durations.json),
                ("window_end", .date(current.windowEnd ?? ranges.current.upperBound)),
                ("throughput", .double(current.throughput)),
            ])),
            ("trends", .object([
                ("total_runs", trend { Double($0.totalRuns) }),
                ("failed_runs", trend { Double($0.failedRuns) }),
                ("success_rate", trend(\.successRate)),
                ("p95_duration_secs", trend { Double($0.durations.p95 ?? 0) }),
                ("median_duration_secs", trend { Double($0.durations.median ?? 0) }),
                ("total_credits_used", trend { Double($0.totalCredits) }),
                ("mttr", trend { Double($0.mttr ?? 0) }),
                ("throughput", trend(\.throughput)),
            ])),
            ("workflow_names", .array(world.workflowNames(of: project).map(JSON.string))),
        ]))
    }

    private static func branches(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let name = context.queryValue("workflow-name")
        var seen: Set<String> = []
        let branches = world.runRecords(of: project, workflow: name).compactMap(\.branch)
            .filter { seen.insert($0).inserted }.sorted()
        guard let organization = world.organization(project.organizationID) else { throw .notFound("Project") }
        return .json(.object([
            ("org_id", .uuid(organization.id)),
            ("project_id", .uuid(project.id)),
            ("branches", .array(branches.map(JSON.string))),
        ]))
    }
}
