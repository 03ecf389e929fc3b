import CQ
import CircleCI
import Foundation

/// The Insights sources: metrics, runs, flaky tests and summaries.
///
/// Like the API and CircleCI's Insights dashboard, they read the project's
/// default branch unless given `branch:` (one branch) or `all_branches: true`,
/// so their numbers match the web app's.
struct InsightsBuiltins {
    let session: APISession
    var factory: RecordFactory { RecordFactory(session: session) }

    private static let project = Parameter("project", .string, summary: "a project slug such as gh/acme/api")
    private static let workflowName = Parameter("workflow", .string, summary: "the workflow name")
    private static let branch = Parameter(
        "branch", .string, required: false, labelled: true,
        summary: "one branch (default: the project's default branch, as in CircleCI's Insights)")
    private static let allBranches = Parameter(
        "all_branches", .bool, required: false, labelled: true, summary: "all branches together instead of the default branch")
    private static let window = Parameter(
        "window", .enumeration(["last-24-hours", "last-7-days", "last-30-days", "last-60-days", "last-90-days"]),
        required: false, labelled: true, summary: "the reporting window (default last-90-days)")
    private static let since = Parameter("since", .timestamp, required: false, labelled: true, summary: "runs started at or after")
    private static let until = Parameter("until", .timestamp, required: false, labelled: true, summary: "runs started before (≤ 90 days after since)")

    var all: [Builtin] {
        [insights, runs, jobMetrics, timeseries, workflowSummary, testMetrics, flaky, branches, orgSummary, projectSummary]
    }

    private var insights: Builtin {
        list(
            "insights", [Self.project, Self.branch, Self.allBranches, Self.window], of: CircleCISchemas.workflowMetrics,
            summary: "Metrics of each workflow of a project: runs, success rate, durations, credits.",
            examples: ["insights(\"gh/acme/api\", window: \"last-30-days\") | sort by metrics.success_rate"],
            endpoint: APIEndpoints.workflowMetrics
        ) { invocation in
            session.client.workflowMetrics(
                project: try invocation.project(session: session), branch: try invocation.branchScope(),
                reportingWindow: try invocation.reportingWindow())
        }
    }

    private var runs: Builtin {
        Builtin(
            "runs", kind: .source,
            parameters: [Self.project, Self.workflowName, Self.branch, Self.allBranches, Self.since, Self.until],
            summary: "Recent runs of a workflow (up to 90 days back), one request per 20 runs, no N+1.",
            examples: ["runs(\"gh/acme/api\", \"build-and-test\", since: ago(7d)) | where status == \"failed\" | count"],
            result: .fixed(.list(.record(CircleCISchemas.workflowRun))), effect: .readsAPI,
            endpoints: [APIEndpoints.workflowRuns],
            implementation: .function { invocation in
                let workflow = try invocation.requiredString("workflow")
                let list = session.client.workflowRuns(
                    project: try invocation.project(session: session), workflowName: workflow,
                    branch: try invocation.branchScope(), dateRange: try dateRange(invocation))
                let factory = self.factory
                return .stream(APIErrors.stream(list) { run in
                    guard case .record(var record) = try factory.record(run, CircleCISchemas.workflowRun) else { return .null }
                    record["workflow"] = .string(workflow)
                    return .record(record)
                })
            })
    }

    private var jobMetrics: Builtin {
        list(
            "job_metrics",
            [Self.project, Self.workflowName, Self.branch, Self.allBranches, Self.window,
             Parameter("job", .string, required: false, labelled: true, summary: "job names containing this")],
            of: CircleCISchemas.jobMetrics, summary: "Metrics of each job of a workflow.",
            examples: ["job_metrics(\"gh/acme/api\", \"build-and-test\") | sort by metrics.duration_metrics.p95 desc"],
            endpoint: APIEndpoints.jobMetrics
        ) { invocation in
            session.client.jobMetrics(
                project: try invocation.project(session: session), workflowName: try invocation.requiredString("workflow"),
                branch: try invocation.branchScope(), reportingWindow: try invocation.reportingWindow(),
                jobName: try invocation.string("job"))
        }
    }

    private var timeseries: Builtin {
        list(
            "timeseries",
            [Self.project, Self.workflowName, Self.branch,
             Parameter("granularity", .enumeration(["daily", "hourly"]), required: false, labelled: true),
             Self.since, Self.until],
            of: CircleCISchemas.jobTimeseries, summary: "Job metrics of a workflow per day or hour.",
            examples: ["timeseries(\"gh/acme/api\", \"build-and-test\", granularity: \"daily\")"],
            endpoint: APIEndpoints.jobTimeseries
        ) { invocation in
            let granularity = try invocation.string("granularity").map { text in
                guard let value = TimeseriesGranularity(rawValue: text) else {
                    throw BuiltinError("granularity is \"daily\" or \"hourly\", not \"\(text)\"")
                }
                return value
            }
            return session.client.jobTimeseries(
                project: try invocation.project(session: session), workflowName: try invocation.requiredString("workflow"),
                branch: try invocation.string("branch"), granularity: granularity, dateRange: try dateRange(invocation))
        }
    }

    private var workflowSummary: Builtin {
        single(
            "workflow_summary", [Self.project, Self.workflowName, Self.branch, Self.allBranches], of: CircleCISchemas.workflowSummary,
            summary: "Metrics and trends of one workflow.", endpoint: APIEndpoints.workflowSummary
        ) { invocation in
            try factory.record(
                try await session.client.workflowSummary(
                    project: try invocation.project(session: session),
                    workflowName: try invocation.requiredString("workflow"), branch: try invocation.branchScope()),
                CircleCISchemas.workflowSummary)
        }
    }

    private var testMetrics: Builtin {
        single(
            "test_metrics", [Self.project, Self.workflowName, Self.branch, Self.allBranches], of: CircleCISchemas.testMetrics,
            summary: "Test metrics of a workflow over its 10 most recent runs: slowest and most failed tests.",
            examples: ["test_metrics(\"gh/acme/api\", \"build-and-test\").most_failed_tests"],
            endpoint: APIEndpoints.testMetrics
        ) { invocation in
            try factory.record(
                try await session.client.testMetrics(
                    project: try invocation.project(session: session),
                    workflowName: try invocation.requiredString("workflow"), branch: try invocation.branchScope()),
                CircleCISchemas.testMetrics)
        }
    }

    private var flaky: Builtin {
        single(
            "flaky", [Self.project], returning: .list(.record(CircleCISchemas.flakyTest)),
            summary: "Tests that passed and failed on the same commit (branch-agnostic).",
            examples: ["flaky(\"gh/acme/api\") | sort by times_flaked desc | take 10"],
            endpoint: APIEndpoints.flakyTests
        ) { invocation in
            let result = try factory.record(
                try await session.client.flakyTests(project: try invocation.project(session: session)), APISchemas.flakyTests)
            let tests = result.recordValue?["flaky_tests"]?.listValue ?? []
            return .list(tests.map { RecordConformer.conform($0, to: CircleCISchemas.flakyTest, typeName: "FlakyTest") })
        }
    }

    private var branches: Builtin {
        single(
            "branches", [Self.project, Parameter("workflow", .string, required: false, labelled: true)],
            returning: .list(.string), summary: "The branches Insights knows for a project (at most 5,000).",
            endpoint: APIEndpoints.insightsBranches
        ) { invocation in
            let result = try await session.client.insightsBranches(
                project: try invocation.project(session: session), workflowName: try invocation.string("workflow"))
            return try factory.record(result, APISchemas.insightsBranches).recordValue?["branches"] ?? .list([])
        }
    }

    private var orgSummary: Builtin {
        single(
            "org_summary",
            [Parameter("org", .string, summary: "an org slug such as gh/acme"), Self.window,
             Parameter("projects", .list(.string), required: false, labelled: true)],
            of: APISchemas.orgSummary, summary: "Metrics and trends of an organisation and each of its projects.",
            examples: ["org_summary(\"gh/acme\").org_project_data | sort by metrics.total_credits_used desc"],
            endpoint: APIEndpoints.orgSummary
        ) { invocation in
            let org: OrgSlug
            do { org = try OrgSlug(try invocation.requiredString("org")) } catch { throw BuiltinError("\(error)") }
            let projects = try invocation.list("projects").compactMap(\.stringValue)
            return try factory.record(
                try await session.client.orgSummary(org: org, reportingWindow: try invocation.reportingWindow(), projectNames: projects),
                APISchemas.orgSummary)
        }
    }

    private var projectSummary: Builtin {
        single(
            "project_summary", [Self.project, Self.window], of: APISchemas.projectSummary,
            summary: "A project's summary page: metrics and trends per workflow and branch.",
            endpoint: APIEndpoints.projectSummary
        ) { invocation in
            try factory.record(
                try await session.client.projectWorkflowsPageData(
                    project: try invocation.project(session: session), reportingWindow: try invocation.reportingWindow()),
                APISchemas.projectSummary)
        }
    }

    private func dateRange(_ invocation: Invocation) throws -> InsightsDateRange? {
        let start = try invocation.timestamp("since")
        let end = try invocation.timestamp("until")
        guard case .timestamp(let startDate)? = start else {
            if end != nil { throw BuiltinError("`until:` needs `since:` too (the API requires a start date)") }
            return nil
        }
        var endDate: Date?
        if case .timestamp(let date)? = end { endDate = date }
        do {
            return try InsightsDateRange(start: startDate, end: endDate)
        } catch {
            throw APIErrors.map(error)
        }
    }

    private func list<Element: Encodable & Sendable>(
        _ name: String, _ parameters: [Parameter], of schema: RecordSchema, summary: String, examples: [String] = [],
        endpoint: Endpoint, _ makeList: @escaping @Sendable (Invocation) throws -> Paginated<Element>
    ) -> Builtin {
        .apiList(
            name, parameters, of: schema, session: session, summary: summary, examples: examples, endpoints: [endpoint],
            makeList)
    }

    private func single(
        _ name: String, _ parameters: [Parameter], of schema: RecordSchema? = nil, returning type: ValueType? = nil,
        summary: String, examples: [String] = [], endpoint: Endpoint,
        _ body: @escaping @Sendable (Invocation) async throws -> Value
    ) -> Builtin {
        .apiValue(name, parameters, returns: type ?? schema.map { .record($0) } ?? .any, summary: summary,
                  examples: examples, endpoints: [endpoint], body)
    }
}
