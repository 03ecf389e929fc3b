import CircleCISimulator
import Foundation
import Testing

/// One request whose response must conform to the OpenAPI document.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let operationID: String
    let path: String
    var status = 200

    init(_ operationID: String, _ path: String, status: Int = 200) {
        self.operationID = operationID
        self.path = path
        self.status = status
    }

    var testDescription: String { "\(operationID) \(path) → \(status)" }
}

/// Every endpoint the simulator serves, validated against the response schema
/// of its operation: the 2026 spec, or the 2025 bundle for the three
/// job-by-number endpoints the 2026 spec dropped.
///
/// Documented deviations (the real API differs from its spec, and the
/// simulator follows the real API):
/// - `getFlakyTests` answers in snake_case (`flaky_tests`, `test_name`, …),
///   although the spec declares kebab-case; the schema's property names are
///   converted before matching (CircleCI-Public/mcp-server-circleci#23).
/// - `started_at` of a workflow job, and of job details, is null until the
///   job starts (queued, blocked), although the spec makes it non-null.
@Suite struct SchemaConformanceTests {
    static let cases: [ConformanceCase] = [
        .init("listPipelines", "/pipeline?org-slug=gh/acme"),
        .init("listPipelines", "/pipeline?org-slug=gh%2Forg&mine=true"),
        .init("getPipelineById", "/pipeline/{pipeline}"),
        .init("getPipelineById", "/pipeline/{errored-pipeline}"),
        .init("getPipelineConfigById", "/pipeline/{pipeline}/config"),
        .init("getPipelineValuesById", "/pipeline/{pipeline}/values"),
        .init("listWorkflowsByPipelineId", "/pipeline/{pipeline}/workflow"),
        .init("listPipelinesForProject", "/project/gh/acme/api/pipeline"),
        .init("listPipelinesForProject", "/project/gh/acme/api/pipeline?page-token={api-page-2}"),
        .init("listPipelinesForProject", "/project/github/acme/api/pipeline?branch=main"),
        .init("listPipelinesForProject", "/project/bb/acme/legacy/pipeline"),
        .init("listPipelinesForProject", "/project/{circleci-slug}/pipeline"),
        .init("listMyPipelines", "/project/gh/acme/api/pipeline/mine"),
        .init("getPipelineByNumber", "/project/gh/org/repo/pipeline/{repo-pipeline-number}"),
        .init("getWorkflowById", "/workflow/{running-workflow}"),
        .init("getWorkflowById", "/workflow/{on_hold-workflow}"),
        .init("getWorkflowById", "/workflow/{failed-workflow}"),
        .init("getWorkflowById", "/workflow/{canceled-workflow}"),
        .init("listWorkflowJobs", "/workflow/{running-workflow}/job"),
        .init("listWorkflowJobs", "/workflow/{on_hold-workflow}/job"),
        .init("listWorkflowJobs", "/workflow/{failed-workflow}/job"),
        .init("getJob", "/jobs/{build-success-id}"),
        .init("getJob", "/jobs/{approval-on_hold-id}"),
        .init("getJob", "/jobs/{build-blocked-id}"),
        .init("getJobDetails", "/project/gh/acme/api/job/{build-success-number}"),
        .init("getJobDetails", "/project/gh/acme/api/job/{build-failed-number}"),
        .init("getJobDetails", "/project/gh/acme/api/job/{build-running-number}"),
        .init("getJobArtifacts", "/project/gh/acme/api/{build-success-number}/artifacts"),
        .init("getJobArtifacts", "/project/gh/acme/api/{build-failed-number}/artifacts"),
        .init("getTests", "/project/gh/acme/api/{build-failed-number}/tests"),
        .init("getTests", "/project/gh/org/repo/{repo-build-failed-number}/tests"),
        .init("getProjectBySlug", "/project/gh/acme/web"),
        .init("getProjectBySlug", "/project/bitbucket/acme/legacy"),
        .init("getProjectBySlug", "/project/{circleci-slug}"),
        .init("listCheckoutKeys", "/project/gh/acme/api/checkout-key"),
        .init("listCheckoutKeys", "/project/gh/acme/api/checkout-key?digest=sha256"),
        .init("getCheckoutKey", "/project/gh/acme/api/checkout-key/{fingerprint}"),
        .init("listEnvVars", "/project/gh/acme/api/envvar"),
        .init("getEnvVar", "/project/gh/acme/api/envvar/CODECOV_TOKEN"),
        .init("getProjectSettings", "/project/github/acme/api/settings"),
        .init("listSchedulesForProject", "/project/gh/acme/api/schedule"),
        .init("getScheduleById", "/schedule/{schedule}"),
        .init("getCurrentUser", "/me"),
        .init("getCollaborations", "/me/collaborations"),
        .init("getUser", "/user/{me}"),
        .init("getOrganization", "/organization/gh/acme"),
        .init("getOrganization", "/organization/{org-id}"),
        .init("listContexts", "/context?owner-slug=gh/acme"),
        .init("listContexts", "/context?owner-id={org-id}"),
        .init("getContext", "/context/{context}"),
        .init("listEnvironmentVariablesFromContext", "/context/{context}/environment-variable"),
        .init("getContextRestrictions", "/context/{context}/restrictions"),
        .init("getWebhooks", "/webhook?scope-id={project-id}&scope-type=project"),
        .init("getWebhookById", "/webhook/{webhook}"),
        .init("getProjectWorkflowsPageData", "/insights/pages/gh/acme/api/summary"),
        .init("getProjectWorkflowsPageData",
              "/insights/pages/gh/acme/api/summary?reporting-window=last-7-days&branches=main&workflow-names=build-and-test"),
        .init("getJobTimeseries", "/insights/time-series/gh/acme/api/workflows/build-and-test/jobs"),
        .init("getJobTimeseries",
              "/insights/time-series/gh/acme/api/workflows/build-and-test/jobs?granularity=hourly&start-date=2025-11-04T00:00:00Z"),
        .init("getOrgSummaryData", "/insights/gh/acme/summary?reporting-window=last-30-days"),
        .init("getOrgSummaryData", "/insights/gh/acme/summary?project-names=api"),
        .init("getAllInsightsBranches", "/insights/gh/acme/api/branches"),
        .init("getAllInsightsBranches", "/insights/gh/acme/api/branches?workflow-name=deploy"),
        .init("getFlakyTests", "/insights/gh/acme/api/flaky-tests"),
        .init("getProjectWorkflowMetrics", "/insights/gh/acme/api/workflows"),
        .init("getProjectWorkflowMetrics", "/insights/gh/acme/api/workflows?all-branches=true&reporting-window=last-7-days"),
        .init("getProjectWorkflowRuns", "/insights/gh/acme/api/workflows/build-and-test"),
        .init("getProjectWorkflowRuns",
              "/insights/gh/acme/api/workflows/build-and-test?all-branches=true&start-date=2025-10-20T00:00:00Z&end-date=2025-11-01T00:00:00Z"),
        .init("getProjectWorkflowJobMetrics", "/insights/gh/acme/api/workflows/build-and-test/jobs?job-name=test"),
        .init("getWorkflowSummary", "/insights/gh/acme/api/workflows/build-and-test/summary?all-branches=true"),
        .init("getProjectWorkflowTestMetrics", "/insights/gh/acme/api/workflows/build-and-test/test-metrics"),
        .init("getProjectWorkflowTestMetrics", "/insights/gh/org/repo/workflows/build-and-test/test-metrics?all-branches=true"),
        .init("getPipelineById", "/pipeline/00000000-0000-4000-8000-000000000000", status: 404),
        .init("getWorkflowById", "/workflow/not-a-uuid", status: 400),
        .init("getProjectBySlug", "/project/gh/acme/nope", status: 404),
        .init("getProjectWorkflowMetrics", "/insights/gh/acme/api/workflows?reporting-window=last-year", status: 400),
        .init("getJobDetails", "/project/gh/acme/api/job/{approval-success-number}", status: 404),
    ]

    @Test(arguments: cases)
    func responseConformsToSchema(_ testCase: ConformanceCase) async throws {
        let samples = try await Shared.samples.value
        let path = samples.expand(testCase.path)
        #expect(!path.contains("{"), "unresolved sample in \(path)")
        let reply = try await Shared.simulator.call(.get, path)
        #expect(reply.status == testCase.status, "\(path): \(reply.text.prefix(300))")
        let errors = try Conformance.check(reply.body, operationID: testCase.operationID, status: reply.status)
        #expect(errors.isEmpty, "\(path):\n\(errors.prefix(20).joined(separator: "\n"))")
    }

    @Test func everyPipelineWorkflowAndJobOfTwoProjectsConforms() async throws {
        let sim = Shared.simulator
        var failures: [String] = []
        for slug in ["gh/org/repo", "bb/acme/legacy"] {
            for pipeline in try await sim.all("/project/\(slug)/pipeline") {
                let id = pipeline["id"] as? String ?? ""
                failures += try await Conformance.fetch(sim, "/pipeline/\(id)/workflow", "listWorkflowsByPipelineId")
                for workflow in try await sim.all("/pipeline/\(id)/workflow") {
                    let workflowID = workflow["id"] as? String ?? ""
                    failures += try await Conformance.fetch(sim, "/workflow/\(workflowID)/job", "listWorkflowJobs")
                    for job in try await sim.all("/workflow/\(workflowID)/job") where job["type"] as? String == "build" {
                        guard let number = job["job_number"] as? Int else { continue }
                        failures += try await Conformance.fetch(sim, "/project/\(slug)/job/\(number)", "getJobDetails")
                        failures += try await Conformance.fetch(sim, "/project/\(slug)/\(number)/tests", "getTests")
                        failures += try await Conformance.fetch(sim, "/project/\(slug)/\(number)/artifacts",
                                                                "getJobArtifacts")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) violations:\n\(failures.prefix(20).joined(separator: "\n"))")
    }
}

/// Validation with the documented deviations applied.
enum Conformance {
    static func check(_ body: Data, operationID: String, status: Int) throws -> [String] {
        let document = OpenAPIDocument.document(for: operationID)
        guard let schema = document.responseSchema(operationID: operationID, status: status) else {
            return ["no schema for \(operationID) \(status)"]
        }
        var validator = SchemaValidator(document: document)
        switch operationID {
        case "getFlakyTests":
            validator.propertyName = { $0.replacingOccurrences(of: "-", with: "_") }
        case "listWorkflowJobs":
            validator.nullableOverrides = ["items[].started_at"]
        case "getJobDetails":
            validator.nullableOverrides = ["started_at"]
        default:
            break
        }
        return validator.validate(try JSONValue.parse(body), against: schema)
    }

    static func fetch(_ sim: Simulator, _ path: String, _ operationID: String) async throws -> [String] {
        let reply = try await sim.call(.get, path)
        guard reply.status == 200 else { return ["\(path): status \(reply.status)"] }
        return try check(reply.body, operationID: operationID, status: 200).map { "\(path): \($0)" }
    }
}
