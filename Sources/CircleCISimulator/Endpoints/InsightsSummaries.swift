import Foundation

/// The org summary and the project summary page: totals and trends per
/// project, workflow and branch over a reporting window.
enum InsightsSummaries {
    /// `GET /insights/{org-slug}/summary`.
    static func organization(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        guard let organization = world.organization(slugOrID: context.parameter("org-slug")) else {
            throw .notFound("Organization")
        }
        let window = try ReportingWindow.from(context)
        let ranges = window.ranges(endingAt: world.now)
        let projects = world.projects.filter { $0.organizationID == organization.id }
        let names = context.queryValues("project-names")
        let selected = projects.filter { names.isEmpty || names.contains($0.name) }
        let runs = selected.flatMap { world.runRecords(of: $0) }
        let current = runs.filter { ranges.current.contains($0.createdAt) }
        let previous = runs.filter { ranges.previous.contains($0.createdAt) }
        return .json(.object([
            ("org_data", .object([
                ("metrics", totals(current, days: window.days)),
                ("trends", totalsTrends(current, previous, days: window.days)),
            ])),
            ("org_project_data", .array(selected.map { project in
                let mine = current.filter { $0.workflow.projectID == project.id }
                let before = previous.filter { $0.workflow.projectID == project.id }
                return .object([
                    ("project_name", .string(project.name)),
                    ("metrics", projectMetrics(mine)),
                    ("trends", projectTrends(mine, before)),
                ])
            })),
            ("all_projects", .array(projects.map { .string($0.name) })),
        ]))
    }

    /// `GET /insights/pages/{project-slug}/summary`.
    static func projectPage(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let window = try ReportingWindow.from(context)
        let ranges = window.ranges(endingAt: world.now)
        let branches = context.queryValues("branches")
        let workflowNames = context.queryValues("workflow-names")
        let all = world.runRecords(of: project)
        let runs = all.filter { run in
            (branches.isEmpty || branches.contains(run.branch ?? ""))
                && (workflowNames.isEmpty || workflowNames.contains(run.workflow.name))
        }
        let current = runs.filter { ranges.current.contains($0.createdAt) }
        let previous = runs.filter { ranges.previous.contains($0.createdAt) }
        let names = world.workflowNames(of: project).filter { workflowNames.isEmpty || workflowNames.contains($0) }
        var allBranches: [String] = []
        for branch in all.compactMap(\.branch) where !allBranches.contains(branch) { allBranches.append(branch) }
        var workflowData: [JSON] = []
        var branchData: [JSON] = []
        for name in names {
            let now = current.filter { $0.workflow.name == name }
            let before = previous.filter { $0.workflow.name == name }
            workflowData.append(.object([("workflow_name", .string(name)), ("metrics", workflowMetrics(now)),
                                         ("trends", workflowTrends(now, before))]))
            for branch in allBranches.sorted() where branches.isEmpty || branches.contains(branch) {
                let onBranch = now.filter { $0.branch == branch }
                guard !onBranch.isEmpty else { continue }
                branchData.append(.object([
                    ("workflow_name", .string(name)), ("branch", .string(branch)),
                    ("metrics", workflowMetrics(onBranch)),
                    ("trends", workflowTrends(onBranch, before.filter { $0.branch == branch })),
                ]))
            }
        }
        return .json(.object([
            ("org_id", .uuid(project.organizationID)),
            ("project_id", .uuid(project.id)),
            ("project_data", .object([
                ("metrics", totals(current, days: window.days)),
                ("trends", totalsTrends(current, previous, days: window.days)),
            ])),
            ("project_workflow_data", .array(workflowData)),
            ("project_workflow_branch_data", .array(branchData)),
            ("all_branches", .array(allBranches.sorted().map(JSON.string))),
            ("all_workflows", .array(world.workflowNames(of: project).map(JSON.string))),
        ]))
    }

    // MARK: - Metric objects

    private struct Totals {
        let runs: Int, duration: Int, credits: Int, successRate: Double, throughput: Double

        init(_ records: [WorkflowRunRecord], days: Double) {
            let aggregate = RunAggregate(runs: records, days: days)
            runs = aggregate.totalRuns
            duration = aggregate.durations.total
            credits = aggregate.totalCredits
            successRate = aggregate.successRate
            throughput = aggregate.throughput
        }
    }

    private static func totals(_ runs: [WorkflowRunRecord], days: Double) -> JSON {
        let totals = Totals(runs, days: days)
        return .object([("total_runs", .int(totals.runs)), ("total_duration_secs", .int(totals.duration)),
                        ("total_credits_used", .int(totals.credits)), ("success_rate", .double(totals.successRate)),
                        ("throughput", .double(totals.throughput))])
    }

    private static func totalsTrends(_ current: [WorkflowRunRecord], _ previous: [WorkflowRunRecord],
                                     days: Double) -> JSON {
        let now = Totals(current, days: days)
        let before = Totals(previous, days: days)
        return .object([
            ("total_runs", .double(Trend.of(Double(now.runs), Double(before.runs)))),
            ("total_duration_secs", .double(Trend.of(Double(now.duration), Double(before.duration)))),
            ("total_credits_used", .double(Trend.of(Double(now.credits), Double(before.credits)))),
            ("success_rate", .double(Trend.of(now.successRate, before.successRate))),
            ("throughput", .double(Trend.of(now.throughput, before.throughput))),
        ])
    }

    private static func projectMetrics(_ runs: [WorkflowRunRecord]) -> JSON {
        let totals = Totals(runs, days: 1)
        return .object([("total_credits_used", .int(totals.credits)), ("total_duration_secs", .int(totals.duration)),
                        ("total_runs", .int(totals.runs)), ("success_rate", .double(totals.successRate))])
    }

    private static func projectTrends(_ current: [WorkflowRunRecord], _ previous: [WorkflowRunRecord]) -> JSON {
        let now = Totals(current, days: 1)
        let before = Totals(previous, days: 1)
        return .object([
            ("total_credits_used", .double(Trend.of(Double(now.credits), Double(before.credits)))),
            ("total_duration_secs", .double(Trend.of(Double(now.duration), Double(before.duration)))),
            ("total_runs", .double(Trend.of(Double(now.runs), Double(before.runs)))),
            ("success_rate", .double(Trend.of(now.successRate, before.successRate))),
        ])
    }

    private static func workflowMetrics(_ runs: [WorkflowRunRecord]) -> JSON {
        let aggregate = RunAggregate(runs: runs, days: 1)
        return .object([("total_credits_used", .int(aggregate.totalCredits)),
                        ("p95_duration_secs", .double(Double(aggregate.durations.p95 ?? 0))),
                        ("total_runs", .int(aggregate.totalRuns)), ("success_rate", .double(aggregate.successRate))])
    }

    private static func workflowTrends(_ current: [WorkflowRunRecord], _ previous: [WorkflowRunRecord]) -> JSON {
        let now = RunAggregate(runs: current, days: 1)
        let before = RunAggregate(runs: previous, days: 1)
        return .object([
            ("total_credits_used", .double(Trend.of(Double(now.totalCredits), Double(before.totalCredits)))),
            ("p95_duration_secs", .double(Trend.of(Double(now.durations.p95 ?? 0), Double(before.durations.p95 ?? 0)))),
            ("total_runs", .double(Trend.of(Double(now.totalRuns), Double(before.totalRuns)))),
            ("success_rate", .double(Trend.of(now.successRate, before.successRate))),
        ])
    }
}
