import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Testing

/// What queries cost, in HTTP requests: the laziness cq promises.
@Suite(.timeLimit(.minutes(3))) struct RequestCostTests {
    let harness = Harness()

    @Test func takeThreeIsOnePage() async throws {
        let (value, requests) = try await harness.cost(of: #"pipelines("gh/acme/api") | take 3 | map number"#)
        #expect(value.listValue?.count == 3)
        #expect(requests.requests == 1)
        #expect(requests["listPipelinesForProject"] == 1)
    }

    /// Whole pipeline records are shown with their outcome `state`, which
    /// costs one workflow list per pipeline shown (none for errored ones).
    @Test func showingPipelinesCostsOnePageAndTheirState() async throws {
        let (value, requests) = try await harness.cost(of: #"pipelines("gh/acme/api") | take 3"#)
        let rows = try #require(value.listValue)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0["state"]?.stringValue != nil })
        let created = rows.filter { $0["api_state"] == .string("created") }.count
        #expect(requests["listPipelinesForProject"] == 1)
        #expect(requests["listWorkflowsByPipelineId"] == created)
        #expect(requests.requests == 1 + created)
    }

    @Test func countReadsEveryPageOnce() async throws {
        let (value, requests) = try await harness.cost(of: #"pipelines("gh/acme/api") | count"#)
        let total = try #require(value.intValue)
        #expect(total > 40)
        let pages = (total + 19) / 20
        #expect(requests.requests == pages, "\(total) pipelines in pages of 20")
        #expect(requests["listPipelinesForProject"] == pages)
    }

    @Test func takingMoreThanAPageFetchesTheNextOnly() async throws {
        let (_, requests) = try await harness.cost(of: #"pipelines("gh/acme/api") | take 25 | map number"#)
        #expect(requests.requests == 2)
    }

    @Test func fieldsThatAreNotUsedCostNothing() async throws {
        let (value, requests) = try await harness.cost(
            of: #"pipelines("gh/acme/api") | take 3 | select number, branch: vcs.branch, api_state"#)
        #expect(value.listValue?.count == 3)
        #expect(requests.requests == 1)
        #expect(requests["listWorkflowsByPipelineId"] == 0)
    }

    @Test func stateCostsOneWorkflowRequestPerPipelineExamined() async throws {
        let (value, requests) = try await harness.cost(
            of: #"pipelines("gh/acme/api") | take 10 | where state == "failed" | map number"#)
        #expect(value.listValue?.isEmpty == false)
        #expect(requests["listPipelinesForProject"] == 1)
        // Errored pipelines know their state without asking for workflows.
        let errored =
            try await harness.evaluate(
                #"pipelines("gh/acme/api") | take 10 | where api_state != "created" | count"#
            ).intValue ?? 0
        #expect(requests["listWorkflowsByPipelineId"] == 10 - errored)
        #expect(requests.requests == 1 + 10 - errored)
    }

    @Test func whereStopsExaminingWhenTakeIsSatisfied() async throws {
        let (value, requests) = try await harness.cost(
            of: #"pipelines("gh/acme/api") | where state == "failed" | take 1 | map number"#)
        let number = try #require(value.listValue?.first?.intValue)
        // Only the pipelines up to the first failed one were examined.
        let examined = try await harness.evaluate(
            #"pipelines("gh/acme/api") | take 60 | where number >= \#(number) and api_state == "created" | count"#
        ).intValue
        // `where` examines several rows at once, at most one window ahead of what `take` needs.
        let window = EvaluationOptions().readAhead
        #expect(requests["listWorkflowsByPipelineId"] >= examined ?? 0)
        #expect(requests["listWorkflowsByPipelineId"] <= (examined ?? 0) + window)
    }

    /// A `first` (or `take`) downstream opens `where`'s window slowly: the
    /// first failed pipeline costs about twice the rows before it, not a
    /// whole window of `state` lookups.
    @Test func whereBeforeFirstExaminesAboutTwiceTheRowsItNeeds() async throws {
        let (value, requests) = try await harness.cost(
            of: #"pipelines("gh/acme/api") | where state == "failed" | first | map number"#)
        let number = try #require(value.intValue)
        let examined = try #require(
            try await harness.evaluate(
                #"pipelines("gh/acme/api") | take 60 | where number >= \#(number) and api_state == "created" | count"#
            ).intValue)
        #expect(requests["listWorkflowsByPipelineId"] >= examined)
        #expect(requests["listWorkflowsByPipelineId"] <= 2 * examined + 1)
        #expect(requests["listWorkflowsByPipelineId"] < examined + EvaluationOptions().readAhead)
    }

    @Test func stateAndJobsShareTheWorkflowFetch() async throws {
        let (value, requests) = try await harness.cost(
            of: #"pipelines("gh/acme/api") | take 5 | where state == "failed" | jobs | map name"#)
        #expect(value.listValue?.isEmpty == false)
        let failed =
            try await harness.evaluate(
                #"pipelines("gh/acme/api") | take 5 | where state == "failed" | count"#
            ).intValue ?? 0
        let nonErrored =
            try await harness.evaluate(
                #"pipelines("gh/acme/api") | take 5 | where api_state == "created" | count"#
            ).intValue ?? 0
        #expect(failed > 0)
        // One workflow list per pipeline examined; `jobs` reuses those of the failed ones.
        #expect(requests["listWorkflowsByPipelineId"] == nonErrored)
        #expect(requests["listWorkflowJobs"] >= failed)
    }

    @Test func selectingStateTwiceFetchesOnce() async throws {
        let (_, requests) = try await harness.cost(
            of: #"pipelines("gh/acme/api") | take 3 | where state != "success" | select number, state, again: state"#)
        #expect(requests["listWorkflowsByPipelineId"] <= 3)
    }

    @Test func insightsRunsArePagedWithoutPerRunRequests() async throws {
        let (value, requests) = try await harness.cost(
            of: #"runs("gh/acme/api", "build-and-test", since: ago(30d)) | count"#)
        let runs = try #require(value.intValue)
        #expect(requests.requests == (runs + 19) / 20)
    }

    @Test func aPureQueryMakesNoRequest() async throws {
        let (value, requests) = try await harness.cost(of: "[1, 2, 3] | map it * 2 | sum")
        #expect(value == .int(12))
        #expect(requests.requests == 0)
    }
}
