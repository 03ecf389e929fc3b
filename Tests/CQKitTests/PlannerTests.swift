import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// The planner: conditions pushed into requests, paging that stops early, and
/// answers that never change.
@Suite(.timeLimit(.minutes(3))) struct PlannerTests {
    let harness = Harness()

    /// A branch with one pipeline in the busiest project.
    static let rareBranch = "chore/go-1.23"

    @Test func branchConditionIsSentToTheAPI() async throws {
        let (value, requests) = try await harness.cost(
            of: #"pipelines("gh/acme/api") | where vcs.branch == "\#(Self.rareBranch)" | count"#)
        #expect(value == .int(1))
        #expect(requests["listPipelinesForProject"] == 1, "one page of that branch, not every page of the project")
        #expect(requests.requests == 1)
    }

    @Test func branchConditionInsideAndIsSentToo() async throws {
        let (value, requests) = try await harness.cost(
            of: #"pipelines("gh/acme/api") | where number > 0 and vcs.branch == "main" | map vcs.branch | distinct"#)
        #expect(value == .list([.string("main")]))
        let mainPipelines = try await harness.evaluate(
            #"pipelines("gh/acme/api", branch: "main") | count"#).intValue ?? 0
        #expect(requests["listPipelinesForProject"] == (mainPipelines + 19) / 20)
    }

    @Test func recentPipelinesStopPagingAtTheFirstOlderOne() async throws {
        let all = try await harness.rows(#"pipelines("gh/acme/api") | map created_at"#)
        let week = fixedNow.addingTimeInterval(-7 * 86_400)
        let recent = all.filter { if case .timestamp(let date) = $0 { date > week } else { false } }.count
        #expect(recent > 0 && recent < all.count)
        let (value, requests) = try await harness.cost(of: #"pipelines("gh/acme/api") | where created_at > now() - 7d | count"#)
        #expect(value == .int(recent))
        // The fewest pages that can answer: those holding the recent ones and the first older one.
        #expect(requests["listPipelinesForProject"] == recent / 20 + 1)
        #expect(requests["listPipelinesForProject"] < (all.count + 19) / 20)
    }

    @Test(arguments: ["ago(7d)", "$since", "date(\"2026-11-13T12:00:00Z\")"])
    func anyConstantBoundStopsPaging(_ bound: String) async throws {
        let query = "let since = ago(7d)\npipelines(\"gh/acme/api\") | where \(bound) <= created_at | count"
        let (value, requests) = try await harness.cost(of: query)
        let expected = try await harness.evaluate(
            #"pipelines("gh/acme/api") | take 100 | where created_at >= ago(7d) | count"#)
        #expect(value == expected)
        #expect(requests["listPipelinesForProject"] < 3)
    }

    @Test func myPipelinesAreNeverFilteredByBranchOnTheServer() async throws {
        let compiled = try harness.engine.compile(#"pipelines("gh/acme/api", mine: true) | where vcs.branch == "main""#)
        let explanation = await harness.engine.explain(compiled)
        #expect(!explanation.contains("pushed down"))
        #expect(explanation.contains("/pipeline/mine"))
    }

    @Test func derivedFieldsAreNeverPushedDown() async throws {
        let compiled = try harness.engine.compile(#"pipelines("gh/acme/api") | where state == "failed" | count"#)
        #expect(!(await harness.engine.explain(compiled)).contains("pushed down"))
    }

    @Test func takeThreeIsStillOnePage() async throws {
        let (_, requests) = try await harness.cost(of: #"pipelines("gh/acme/api") | take 3 | map number"#)
        #expect(requests.requests == 1)
    }

    @Test func insightsDatesAndBranchBecomeParameters() async throws {
        let simulator = Simulator(now: fixedNow)
        let harness = Harness(simulator: simulator)
        _ = try await harness.evaluate(
            #"runs("gh/acme/api", "build-and-test", all_branches: true) | where created_at >= ago(30d) and branch == "main" | count"#)
        let entries = await simulator.requestLog.entries
        let runs = try #require(entries.first { $0.operationID == "getProjectWorkflowRuns" })
        #expect(runs.query.contains("branch=main"))
        #expect(runs.query.contains("start-date=2026-10-21T12"))
        #expect(!runs.query.contains("all-branches"), "the branch narrows all branches")
    }

    /// On the default branch (Insights' default scope), a condition on another
    /// branch must stay in cq: sending it would widen the answer.
    @Test func aBranchIsNotPushedIntoTheDefaultBranchScope() async throws {
        let compiled = try harness.engine.compile(#"runs("gh/acme/api", "build-and-test") | where branch == "feature/x" | count"#)
        #expect(!(await harness.engine.explain(compiled)).contains("pushed down"))
        #expect(try await harness.evaluate(#"runs("gh/acme/api", "build-and-test") | where branch == "feature/billing-v2" | count"#) == .int(0))
    }

    /// Insights reads the project's default branch unless asked for all
    /// branches, as CircleCI's dashboard does.
    @Test(arguments: [
        (#"insights("gh/acme/api")"#, #"insights("gh/acme/api", all_branches: true)"#),
        (#"runs("gh/acme/api", "build-and-test") | take 1"#, #"runs("gh/acme/api", "build-and-test", all_branches: true) | take 1"#),
        (#"job_metrics("gh/acme/api", "build-and-test")"#, #"job_metrics("gh/acme/api", "build-and-test", all_branches: true)"#),
        (#"workflow_summary("gh/acme/api", "build-and-test")"#, #"workflow_summary("gh/acme/api", "build-and-test", all_branches: true)"#),
        (#"test_metrics("gh/acme/api", "build-and-test")"#, #"test_metrics("gh/acme/api", "build-and-test", all_branches: true)"#),
    ])
    func insightsDefaultToTheDefaultBranch(_ query: String, allBranches: String) async throws {
        let simulator = Simulator(now: fixedNow)
        let harness = Harness(simulator: simulator)
        _ = try await harness.evaluate(query)
        let sent = await simulator.requestLog.entries.map(\.query)
        #expect(!sent.isEmpty && sent.allSatisfy { !$0.contains("all-branches") && !$0.contains("branch=") }, "\(sent)")
        await simulator.requestLog.reset()
        _ = try await harness.evaluate(allBranches)
        #expect(await simulator.requestLog.entries.allSatisfy { $0.query.contains("all-branches=true") })
    }

    /// Whatever the planner does, the answer is the one the unplanned query gives.
    @Test(arguments: [
        #"pipelines("gh/acme/api") | where vcs.branch == "main" | map number"#,
        #"pipelines("gh/acme/api") | where created_at > ago(7d) | map number"#,
        #"pipelines("gh/acme/api") | where created_at >= ago(3d) and vcs.branch == "main" | map number"#,
        #"pipelines("gh/acme/api") | where ago(10d) < created_at | where vcs.branch != "main" | map number"#,
        #"pipelines("gh/acme/api") | where vcs.branch == "main" or created_at > ago(1d) | map number"#,
        #"pipelines("gh/acme/api", mine: true) | where vcs.branch == "main" | map number"#,
        #"pipelines("gh/acme/api") | take 30 | where created_at > ago(7d) | map number"#,
        #"runs("gh/acme/api", "build-and-test", all_branches: true) | where created_at > ago(20d) and branch == "main" | map id"#,
        #"runs("gh/acme/api", "build-and-test", all_branches: true) | where created_at < ago(20d) | map id"#,
        #"runs("gh/acme/api", "build-and-test") | where created_at > ago(20d) and branch == "main" | map id"#,
        #"pipelines("gh/acme/api") | where state == "failed" | take 5 | jobs | map name"#,
    ])
    func plannedAndUnplannedAnswersAgree(_ query: String) async throws {
        let planned = try await harness.evaluate(query)
        let evaluator = Evaluator(
            context: EvaluationContext(registry: harness.engine.registry, options: harness.engine.options.evaluation, now: fixedNow))
        var environment = Environment()
        let unplanned = try await evaluator.run(Parser.parse(SourceFile(name: "q", text: query)).program, in: &environment)
        #expect(planned == (try await unplanned?.collect()))
        #expect((planned.listValue?.count ?? 0) > 0, "a query that answers nothing proves nothing")
    }
}
