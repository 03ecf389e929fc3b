import CircleCI
import Foundation
import Testing

@Suite("Request paths, queries and headers")
struct RequestEncodingTests {
    let slug: ProjectSlug
    let transport = ScriptedTransport(body: #"{"items": [], "next_page_token": null}"#)

    init() throws {
        slug = try ProjectSlug("gh/acme/api")
    }

    @Test func branchWithSlashIsEncodedInTheQuery() async throws {
        let client = try makeClient(transport)
        _ = try await client.pipelines(project: slug, branch: "feature/new api+x&y").collect()
        let request = try #require(transport.requests.first)
        #expect(request.pathOnly == "/project/gh/acme/api/pipeline")
        #expect(request.query == "branch=feature%2Fnew%20api%2Bx%26y")
        #expect(request.queryItems.first?.value == "feature/new api+x&y")
        #expect(request.baseURL.absoluteString == "https://circleci.com/api/v2")
        #expect(request.operationID == "listPipelinesForProject")
    }

    @Test func slugSegmentsArePercentEncodedButSlashesStayRaw() async throws {
        let client = try makeClient(transport)
        _ = try await client.pipelines(project: try ProjectSlug("bb/my org/répo")).collect()
        #expect(transport.requests.first?.pathOnly == "/project/bb/my%20org/r%C3%A9po/pipeline")
    }

    @Test func insightsDatesAreZuluWithRawColons() async throws {
        let client = try makeClient(transport)
        let start = Date(timeIntervalSince1970: 1_714_521_600)  // 2024-05-01T00:00:00Z
        let range = try InsightsDateRange(start: start, end: start.addingTimeInterval(7 * 86_400))
        _ = try await client.workflowRuns(project: slug, workflowName: "build & test", branch: .allBranches, dateRange: range)
            .collect()
        let request = try #require(transport.requests.first)
        #expect(request.pathOnly == "/insights/gh/acme/api/workflows/build%20%26%20test")
        #expect(request.query == "all-branches=true&start-date=2024-05-01T00:00:00Z&end-date=2024-05-08T00:00:00Z")
    }

    @Test func dateRangesAreValidated() throws {
        let start = Date(timeIntervalSince1970: 1_714_521_600)
        #expect(throws: CircleCIError.self) { try InsightsDateRange(start: start, end: start.addingTimeInterval(-1)) }
        #expect(throws: CircleCIError.self) { try InsightsDateRange(start: start, end: start.addingTimeInterval(91 * 86_400)) }
        #expect(try InsightsDateRange(start: start, end: start.addingTimeInterval(90 * 86_400)).end != nil)
        #expect(try InsightsDateRange(start: start).end == nil)
    }

    @Test func repeatableParametersAndBranchScopes() async throws {
        let transport = ScriptedTransport(body: Fixtures.projectWorkflowsPageData)
        let client = try makeClient(transport)
        _ = try await client.projectWorkflowsPageData(
            project: slug, reportingWindow: .last30Days, branches: ["main", "release/1"], workflowNames: ["build", "deploy"])
        #expect(
            transport.requests.first?.query
                == "reporting-window=last-30-days&branches=main&branches=release%2F1&workflow-names=build&workflow-names=deploy")

        let metrics = ScriptedTransport(body: #"{"items": [], "next_page_token": null}"#)
        let metricsClient = try makeClient(metrics)
        _ = try await metricsClient.workflowMetrics(project: slug, branch: .branch("main")).collect()
        _ = try await metricsClient.workflowMetrics(project: slug).collect()
        _ = try await metricsClient.jobMetrics(project: slug, workflowName: "build", branch: .allBranches, jobName: "te")
            .collect()
        #expect(metrics.requests.map(\.query) == ["branch=main", "", "all-branches=true&job-name=te"])
        #expect(metrics.requests[2].pathOnly == "/insights/gh/acme/api/workflows/build/jobs")
    }

    @Test func orgSummaryAndTimeseries() async throws {
        let transport = ScriptedTransport { request, _ in
            (200, [:], request.pathOnly.hasSuffix("summary") ? Fixtures.orgSummary : #"{"items": [], "next_page_token": null}"#)
        }
        let client = try makeClient(transport)
        _ = try await client.orgSummary(org: try OrgSlug("gh/acme"), reportingWindow: .last7Days, projectNames: ["a", "b"])
        _ = try await client.jobTimeseries(
            project: slug, workflowName: "nightly build", branch: "main", granularity: .hourly,
            dateRange: try InsightsDateRange(start: Date(timeIntervalSince1970: 1_714_521_600))
        ).collect()
        #expect(transport.requests[0].pathOnly == "/insights/gh/acme/summary")
        #expect(transport.requests[0].query == "reporting-window=last-7-days&project-names=a&project-names=b")
        #expect(transport.requests[1].pathOnly == "/insights/time-series/gh/acme/api/workflows/nightly%20build/jobs")
        #expect(transport.requests[1].query == "branch=main&granularity=hourly&start-date=2024-05-01T00:00:00Z")
    }

    @Test func headersOnReadsAndWrites() async throws {
        let transport = ScriptedTransport { request, _ in
            request.method == .post
                ? (201, [:], #"{"id": "\#(Fixtures.pipelineID)", "state": "created", "number": 7, "created_at": "2024-05-01T12:00:00Z"}"#)
                : (200, [:], Fixtures.user)
        }
        let client = try makeClient(transport)
        _ = try await client.me()
        let created = try await client.triggerPipeline(
            project: slug, TriggerPipelineRequest(branch: "main", parameters: ["deploy": true]))
        #expect(created.number == 7)
        let get = transport.requests[0]
        #expect(get.headers[.accept] == "application/json")
        #expect(get.headers[.contentType] == nil)
        #expect(get.headers[HTTPFieldName.circleToken] == testToken)
        let post = transport.requests[1]
        #expect(post.method == .post)
        #expect(post.pathOnly == "/project/gh/acme/api/pipeline")
        #expect(post.headers[.contentType] == "application/json")
        let body = try jsonObject(try #require(post.body))
        #expect(body["branch"] as? String == "main")
        #expect((body["parameters"] as? [String: Any])?["deploy"] as? Bool == true)
        #expect(body["tag"] == nil)
    }

    @Test func writeEndpoints() async throws {
        let transport = ScriptedTransport { request, _ in
            request.pathOnly.hasSuffix("/rerun")
                ? (202, [:], #"{"workflow_id": "\#(Fixtures.workflowID)"}"#) : (202, [:], #"{"message": "Accepted."}"#)
        }
        let client = try makeClient(transport)
        let rerun = try await client.rerunWorkflow(id: Fixtures.workflowID, .jobs([Fixtures.jobID], enableSSH: true))
        #expect(rerun.workflowID == Fixtures.workflowID)
        _ = try await client.cancelWorkflow(id: Fixtures.workflowID)
        _ = try await client.cancelJob(id: Fixtures.jobID)
        _ = try await client.cancelJob(project: slug, number: 42)
        _ = try await client.approveJob(workflowID: Fixtures.workflowID, approvalRequestID: Fixtures.jobID)
        #expect(
            transport.requests.map(\.pathOnly) == [
                "/workflow/\(Fixtures.workflowID)/rerun", "/workflow/\(Fixtures.workflowID)/cancel",
                "/jobs/\(Fixtures.jobID)/cancel", "/project/gh/acme/api/job/42/cancel",
                "/workflow/\(Fixtures.workflowID)/approve/\(Fixtures.jobID)",
            ])
        let body = try jsonObject(try #require(transport.requests[0].body))
        #expect(body["jobs"] as? [String] == [Fixtures.jobID])
        #expect(body["enable_ssh"] as? Bool == true)
        #expect(body["from_failed"] == nil)
        #expect(transport.requests.allSatisfy { $0.method == .post })
    }

    @Test func v1StepsUseTheFullVCSNameAndTheV1Root() async throws {
        let transport = ScriptedTransport(body: Fixtures.v1Build)
        let client = try makeClient(transport)
        let steps = try await client.jobSteps(project: slug, jobNumber: 42)
        #expect(steps.map(\.name) == ["Spin up environment", "swift test"])
        let request = try #require(transport.requests.first)
        #expect(request.pathOnly == "/project/github/acme/api/42")
        #expect(request.baseURL.absoluteString == "https://circleci.com/api/v1.1")
        #expect(request.headers[HTTPFieldName.circleToken] == testToken)
    }

    @Test func genericGetReachesAnyPath() async throws {
        let transport = ScriptedTransport(body: #"{"items": []}"#)
        let client = try makeClient(transport)
        let data = try await client.get("/api/v2/organizations/ec6887ec/groups", query: [URLQueryItem(name: "limit", value: "5")])
        #expect(String(decoding: data, as: UTF8.self) == #"{"items": []}"#)
        _ = try await client.get("insights/gh/acme/api/flaky tests")
        #expect(transport.requests.map(\.path) == ["/organizations/ec6887ec/groups?limit=5", "/insights/gh/acme/api/flaky%20tests"])
        #expect(transport.requests.allSatisfy { $0.headers[HTTPFieldName.circleToken] == testToken })
        for bad in ["https://evil.example.com/me", "/me?x=1", "/../v1.1/me"] {
            await #expect(throws: CircleCIError.self) { try await client.get(bad) }
        }
        #expect(transport.requests.count == 2)
    }

    @Test func organizationBySlugOrID() async throws {
        let transport = ScriptedTransport(body: Fixtures.organization)
        let client = try makeClient(transport)
        _ = try await client.organization("gh/acme")
        _ = try await client.organization("EC6887EC-7D44-4B31-B468-7E552408EE32")
        #expect(
            transport.requests.map(\.pathOnly) == [
                "/organization/gh/acme", "/organization/ec6887ec-7d44-4b31-b468-7e552408ee32",
            ])
    }
}
