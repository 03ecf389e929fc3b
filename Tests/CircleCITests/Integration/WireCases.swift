import CircleCI
import Foundation

extension WireCase {
    private static let v2 = "/api/v2"
    private static let insights = "/api/v2/insights/gh/acme/api"

    /// Every typed read's response, once each.
    static let all: [WireCase] = [
        WireCase("listPipelinesForProject", "\(v2)/project/gh/acme/api/pipeline", .page(Pipeline.self)),
        WireCase("listMyPipelines", "\(v2)/project/gh/acme/api/pipeline/mine", .page(Pipeline.self)),
        WireCase("listPipelines", "\(v2)/pipeline?org-slug=gh/acme", .page(Pipeline.self)),
        WireCase("getPipelineById", "\(v2)/pipeline/{pipeline}", .object(Pipeline.self)),
        WireCase("getPipelineConfigById", "\(v2)/pipeline/{pipeline}/config", .object(PipelineConfig.self)),
        WireCase("getPipelineValuesById", "\(v2)/pipeline/{pipeline}/values", .object([String: JSONValue].self)),
        WireCase("listWorkflowsByPipelineId", "\(v2)/pipeline/{pipeline}/workflow", .page(Workflow.self)),
        WireCase("getWorkflowById", "\(v2)/workflow/{workflow}", .object(Workflow.self)),
        WireCase("listWorkflowJobs", "\(v2)/workflow/{workflow}/job", .page(Job.self)),
        WireCase("getJob", "\(v2)/jobs/{job}", .object(JobSummary.self)),
        WireCase("getJobDetails", "\(v2)/project/gh/acme/api/job/{number}", .object(JobDetails.self)),
        WireCase("getTests", "\(v2)/project/gh/acme/api/{number}/tests", .page(TestResult.self)),
        WireCase("getJobArtifacts", "\(v2)/project/gh/acme/api/{number}/artifacts", .page(Artifact.self)),
        WireCase("getProjectBySlug", "\(v2)/project/gh/acme/api", .object(Project.self)),
        WireCase("getProjectSettings", "\(v2)/project/gh/acme/api/settings", .object(ProjectSettings.self)),
        WireCase("listEnvVars", "\(v2)/project/gh/acme/api/envvar", .page(EnvironmentVariable.self)),
        WireCase("getEnvVar", "\(v2)/project/gh/acme/api/envvar/{variable}", .object(EnvironmentVariable.self)),
        WireCase("listCheckoutKeys", "\(v2)/project/gh/acme/api/checkout-key?digest=sha256", .page(CheckoutKey.self)),
        WireCase("getCheckoutKey", "\(v2)/project/gh/acme/api/checkout-key/{fingerprint}", .object(CheckoutKey.self)),
        WireCase("listSchedulesForProject", "\(v2)/project/gh/acme/api/schedule", .page(Schedule.self)),
        WireCase("getScheduleById", "\(v2)/schedule/{schedule}", .object(Schedule.self)),
        WireCase("getCurrentUser", "\(v2)/me", .object(User.self)),
        WireCase("getCollaborations", "\(v2)/me/collaborations", .object([Collaboration].self)),
        WireCase("getUser", "\(v2)/user/{user}", .object(User.self)),
        WireCase("getOrganization", "\(v2)/organization/{org}", .object(Organization.self)),
        WireCase("listContexts", "\(v2)/context?owner-slug=gh/acme", .page(Context.self)),
        WireCase("getContext", "\(v2)/context/{context}", .object(Context.self)),
        WireCase(
            "listEnvironmentVariablesFromContext", "\(v2)/context/{context}/environment-variable",
            .page(ContextEnvironmentVariable.self)),
        WireCase("getContextRestrictions", "\(v2)/context/{context}/restrictions", .page(ContextRestriction.self)),
        WireCase("getWebhooks", "\(v2)/webhook?scope-id={project}&scope-type=project", .page(Webhook.self)),
        WireCase("getWebhookById", "\(v2)/webhook/{webhook}", .object(Webhook.self)),
        WireCase("getProjectWorkflowMetrics", "\(insights)/workflows?all-branches=true", .page(WorkflowMetrics.self)),
        WireCase(
            "getProjectWorkflowRuns", "\(insights)/workflows/build-and-test?all-branches=true",
            .page(WorkflowRun.self)),
        WireCase(
            "getProjectWorkflowJobMetrics", "\(insights)/workflows/build-and-test/jobs?all-branches=true",
            .page(JobMetrics.self)),
        WireCase("getWorkflowSummary", "\(insights)/workflows/deploy/summary", .object(WorkflowSummary.self)),
        WireCase(
            "getProjectWorkflowTestMetrics", "\(insights)/workflows/build-and-test/test-metrics?all-branches=true",
            .object(TestMetrics.self)),
        WireCase("getFlakyTests", "\(insights)/flaky-tests", .object(FlakyTests.self)),
        WireCase("getAllInsightsBranches", "\(insights)/branches", .object(InsightsBranches.self)),
        WireCase(
            "getJobTimeseries", "\(v2)/insights/time-series/gh/acme/api/workflows/build-and-test/jobs",
            .page(JobTimeseries.self)),
        WireCase("getOrgSummaryData", "\(v2)/insights/gh/acme/summary", .object(OrgSummary.self)),
        WireCase(
            "getProjectWorkflowsPageData", "\(v2)/insights/pages/gh/acme/api/summary",
            .object(ProjectWorkflowsPageData.self)),
        WireCase("getBuildV1", "/api/v1.1/project/github/acme/api/{number}", .steps),
    ]
}

extension WireShape {
    /// A v1.1 build: only its `steps` are modelled.
    static let steps = WireShape { data in
        let sent = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let steps = try JSONSerialization.data(withJSONObject: sent["steps"] ?? [])
        let decoded = try CircleCIJSON.makeDecoder().decode([JobStep].self, from: steps)
        return try WireDiff.differences(sent: steps, model: decoded)
            .map { WireDiff.Difference(path: "steps" + $0.path, kind: $0.kind, detail: $0.detail) }
    }
}
