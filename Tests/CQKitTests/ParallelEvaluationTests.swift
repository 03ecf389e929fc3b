import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// Fan-outs and request-making stages work on several rows at once: same
/// answers in the same order, one limit for the whole query, nothing left
/// running when a query is cancelled.
@Suite(.timeLimit(.minutes(3))) struct ParallelEvaluationTests {
    static let queries: [String] = [
        #"pipelines("gh/acme/api") | take 12 | workflows"#,
        #"pipelines("gh/acme/api") | take 12 | jobs"#,
        #"pipelines("gh/acme/api") | take 6 | workflows | jobs | map [workflow_name, name, status]"#,
        #"pipelines("gh/acme/api") | take 4 | jobs | where type == "build" | details | map [name, duration]"#,
        #"pipelines("gh/acme/api") | take 8 | jobs | where status == "failed" | tests | map [job_name, name, result]"#,
        #"pipelines("gh/acme/api") | take 8 | jobs | where status == "failed" | artifacts | map path"#,
        #"pipelines("gh/acme/api") | take 5 | config | map source"#,
        #"pipelines("gh/acme/api") | jobs | where status == "failed" | take 2 | logs | map [job_number, step, name]"#,
        #"contexts("gh/acme") | context_envvars | map variable"#,
        #"contexts("gh/acme") | restrictions"#,
        #"pipelines("gh/acme/api") | where state == "failed" | map number"#,
        #"pipelines("gh/acme/api") | take 20 | select number, state"#,
        #"pipelines("gh/acme/api") | take 20 | sort by state, number"#,
        #"pipelines("gh/acme/api") | take 20 | group by state with n: count(), failing: count(state == "failed")"#,
    ]

    @Test(arguments: queries)
    func oneAtATimeAndEightAtATimeGiveTheSameRowsInTheSameOrder(_ query: String) async throws {
        let sequential = Harness(evaluation: EvaluationOptions(concurrency: 1))
        let parallel = Harness(evaluation: EvaluationOptions(concurrency: 8))
        let expected = try await sequential.evaluate(query)
        #expect(try await parallel.evaluate(query) == expected)
        #expect((expected.listValue?.count ?? 0) > 0, "a query that answers nothing proves nothing")
    }

    @Test(arguments: [1, 3, 8])
    func requestsInFlightNeverExceedTheLimit(_ limit: Int) async throws {
        let simulator = Simulator(now: fixedNow)
        await simulator.faults.setLatency(.milliseconds(20))
        let harness = Harness(evaluation: EvaluationOptions(concurrency: limit), simulator: simulator)
        _ = try await harness.evaluate(#"pipelines("gh/acme/api") | take 30 | jobs | where status == "failed" | tests | count"#)
        #expect(harness.metrics.snapshot.peakInFlight <= limit)
        #expect(simulator.requestLog.peakInFlight <= limit)
        if limit > 1 { #expect(harness.metrics.snapshot.peakInFlight > 1, "requests overlapped") }
    }

    @Test func fanOutStartsBeforeTheLastPageArrives() async throws {
        let simulator = Simulator(now: fixedNow)
        let harness = Harness(simulator: simulator)
        _ = try await harness.evaluate(#"pipelines("gh/acme/api") | jobs | count"#)
        let operations = await simulator.requestLog.entries.map(\.operationID)
        let lastPage = try #require(operations.lastIndex(of: "listPipelinesForProject"))
        let firstJobs = try #require(operations.firstIndex(of: "listWorkflowJobs"))
        #expect(firstJobs < lastPage, "jobs were requested while pipelines were still being paged")
    }

    @Test func takeAfterAFanOutReadsAtMostOneWindowAhead() async throws {
        let (value, requests) = try await Harness().cost(of: #"pipelines("gh/acme/api") | jobs | take 5 | map name"#)
        #expect(value.listValue?.count == 5)
        #expect(requests["listWorkflowsByPipelineId"] <= 1 + EvaluationOptions().readAhead)
    }

    @Test func aCancelledQueryLeavesNoRequestInFlight() async throws {
        let simulator = Simulator(now: fixedNow)
        await simulator.faults.setLatency(.milliseconds(200))
        let harness = Harness(simulator: simulator)
        let query = Task { try await harness.evaluate(#"pipelines("gh/acme/api") | take 50 | jobs | count"#) }
        while harness.metrics.snapshot.requests < 5 { try await Task.sleep(for: .milliseconds(10)) }
        query.cancel()
        await #expect(throws: (any Error).self) { try await query.value }
        // When the run returns, everything it started has ended.
        #expect(harness.metrics.snapshot.inFlight == 0)
        #expect(simulator.requestLog.inFlight == 0)
    }

    @Test func eachRunHasItsOwnLimitEvenOnOneClient() async throws {
        let simulator = Simulator(now: fixedNow)
        await simulator.faults.setLatency(.milliseconds(20))
        let harness = Harness(evaluation: EvaluationOptions(concurrency: 2), simulator: simulator)
        async let first = harness.evaluate(#"pipelines("gh/acme/api") | take 10 | jobs | count"#)
        async let second = harness.evaluate(#"pipelines("gh/acme/web") | take 10 | jobs | count"#)
        _ = try await (first, second)
        #expect(harness.metrics.snapshot.peakInFlight <= 4)
    }
}
