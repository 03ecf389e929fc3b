import CircleCISimulator
import Foundation
import Testing

/// The mission's example, `pipelines("gh/org/repo") | where state == "failed" | jobs`,
/// through the built binary: on the in-process demo and over real HTTP.
@Suite(.timeLimit(.minutes(3))) struct MissionTests {
    static let golden = packageRoot.appendingPathComponent("Examples/expected/mission.out")

    @Test func demoListsTheJobsOfFailedPipelines() async throws {
        let result = try await CQ.run(["--demo", "-e", missionQuery])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, against: Self.golden)

        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.split(separator: " ", omittingEmptySubsequences: true) == [
            "job_number", "name", "status", "type", "duration", "workflow_name", "pipeline_number",
        ])
        let rows = lines.dropFirst(2).dropLast()
        #expect(rows.contains { $0.contains(" failed ") }, "failed jobs are among them")
        #expect(lines.last?.hasPrefix("(") == true && lines.last?.hasSuffix(" rows)") == true)

        // Every job belongs to a pipeline whose state is failed, and every failed pipeline is there.
        let failed = try await numbers(#"pipelines("gh/org/repo") | where state == "failed" | map number"#)
        let jobs = try await numbers(#"\#(missionQuery) | map pipeline_number"#)
        #expect(!failed.isEmpty)
        #expect(Set(jobs) == Set(failed))
        #expect(rows.count == jobs.count)
    }

    @Test func sameAnswerOverHTTPFromAnInProcessServer() async throws {
        let simulator = Simulator(now: try #require(ISO8601DateFormatter().date(from: pinnedNow)))
        let host = try await simulator.startServer(port: 0)
        let result = try await CQ.run(
            ["--host", host.absoluteString, "-e", missionQuery], environment: ["CIRCLECI_TOKEN": Simulator.demoToken])
        await simulator.stopServer()
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == (try String(contentsOf: Self.golden, encoding: .utf8)))
        let log = await simulator.requestLog.entries
        #expect(log.count > 1)
        #expect(log.allSatisfy { $0.status == 200 && $0.method == "GET" && $0.authPresented })
        #expect(log.first?.operationID == "listPipelinesForProject")
    }

    @Test func sameAnswerFromTheSimulatorCommand() async throws {
        let server = try CQ.start(["simulator", "--port", "0"])
        defer { server.terminate() }
        #expect(await server.waitForOutput(containing: "CIRCLECI_TOKEN=", timeout: .seconds(30)), "\(server.stdoutSoFar)")
        let banner = server.stdoutSoFar
        let host = try #require(
            banner.split(separator: "\n").first { $0.contains("export CIRCLECI_HOST=") }
                .map { String($0.split(separator: "=", maxSplits: 1)[1]) })
        let token = try #require(
            banner.split(separator: "\n").first { $0.contains("export CIRCLECI_TOKEN=") }
                .map { String($0.split(separator: "=", maxSplits: 1)[1]) })
        #expect(host.hasPrefix("http://127.0.0.1:"))
        #expect(token == Simulator.demoToken)

        let result = try await CQ.run(["-e", missionQuery], environment: ["CIRCLECI_HOST": host, "CIRCLECI_TOKEN": token])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == (try String(contentsOf: Self.golden, encoding: .utf8)))

        server.terminate()
        let stopped = await server.result(timeout: .seconds(10))
        #expect(!stopped.timedOut)
    }

    private func numbers(_ query: String) async throws -> [Int] {
        let result = try await CQ.run(["--demo", "--format", "ndjson", "-e", query])
        #expect(result.status == 0, "\(result)")
        return result.stdout.split(separator: "\n").compactMap { Int($0) }
    }
}
