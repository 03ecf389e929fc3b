import CircleCISimulator
import Foundation
import Testing

/// `cq` against the simulator over HTTP: rows stream while requests are still
/// being made, `--stats` says what a run cost, `cq explain` says what it will.
@Suite(.timeLimit(.minutes(3))) struct RoundTripTests {
    private let token = ["CIRCLECI_TOKEN": Simulator.demoToken]

    @Test func ndjsonRowsAfterAFanOutArriveWhileItIsStillRunning() async throws {
        try await withSimulatorServer(latency: .milliseconds(50)) { simulator, host in
            let query = try CQ.start(
                ["--host", host, "--format", "ndjson", "-e", #"pipelines("gh/acme/api") | take 40 | jobs | map name"#],
                environment: token)
            for _ in 0..<1_200 where query.stdoutSoFar.isEmpty { try await Task.sleep(for: .milliseconds(25)) }
            let answeredAtFirstRow = await simulator.requestLog.count
            let result = await query.result(timeout: .seconds(90))
            #expect(result.status == 0, "\(result)")
            let answered = await simulator.requestLog.count
            #expect(answeredAtFirstRow < answered / 2, "the first row came after \(answeredAtFirstRow) of \(answered) requests")
            #expect(result.stdout.split(separator: "\n").count > 40)
        }
    }

    @Test func statsSayWhatTheRunCost() async throws {
        try await withSimulatorServer { _, host in
            let result = try await CQ.run(
                ["--host", host, "--stats", "-e", #"pipelines("gh/acme/api") | take 5 | jobs | count"#], environment: token)
            #expect(result.status == 0, "\(result)")
            #expect(Int(result.stdout.trimmingCharacters(in: .newlines)) ?? 0 > 0, "stdout holds only the answer")
            #expect(result.stderr.hasPrefix("Time "))
            for part in ["requests, at most", "pages", "cache hit", "retries", "rate limited", "1 row", "listWorkflowJobs",
                         "listWorkflowsByPipelineId 5", "listPipelinesForProject 1"] {
                #expect(result.stderr.contains(part), "\(part) in \(result.stderr)")
            }
        }
    }

    @Test func concurrencyOneSendsOneRequestAtATime() async throws {
        try await withSimulatorServer(latency: .milliseconds(20)) { simulator, host in
            let result = try await CQ.run(
                ["--host", host, "--concurrency", "1", "--stats", "-e", #"pipelines("gh/acme/api") | take 5 | jobs | count"#],
                environment: token)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("at most 1 at once"), "\(result.stderr)")
            #expect(simulator.requestLog.peakInFlight == 1)
            let refused = try await CQ.run(["--concurrency", "0", "-e", "1"])
            #expect(refused.status == 64, "\(refused)")
        }
    }

    @Test func progressIsNeverDrawnIntoAPipe() async throws {
        try await withSimulatorServer(latency: .milliseconds(150)) { _, host in
            let result = try await CQ.run(
                ["--host", host, "-e", #"pipelines("gh/acme/api") | take 10 | jobs | count"#], environment: token)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
    }

    @Test func explainShowsThePlanWithoutARequestOrAToken() async throws {
        try await withSimulatorServer { simulator, host in
            let result = try await CQ.run([
                "explain", "--host", host,
                #"pipelines("gh/acme/api") | where vcs.branch == "main" and created_at > ago(7d) | take 50 | jobs | count"#,
            ])
            #expect(result.status == 0, "\(result)")
            for part in ["GET /project/gh/acme/api/pipeline?branch=main", "pushed down: `vcs.branch == \"main\"`",
                         "stops paging at the first row with created_at ≤ 2026-11-13T12:00:00Z",
                         "for each Pipeline row, 8 rows at a time, output in order", "GET /workflow/{id}/job"] {
                #expect(result.stdout.contains(part), "\(part) in:\n\(result.stdout)")
            }
            #expect(await simulator.requestLog.count == 0)
            let wrong = try await CQ.run(["explain", #"pipelines("gh/acme/api") | where stauts == "failed""#])
            #expect(wrong.status == 65, "\(wrong)")
            #expect(wrong.stderr.contains("did you mean `state`?"))
        }
    }
}
