import CircleCISimulator
import Foundation
import Testing

/// `Examples/DailyReport`, a Swift program that embeds cq with a builtin of
/// its own, runs against the simulator over HTTP and prints its Markdown.
@Suite(.timeLimit(.minutes(2))) struct EmbeddingExampleTests {
    static let expected = packageRoot.appendingPathComponent("Examples/expected/daily-report.md")

    @Test func theDailyReportGroupsFailedJobsByTeam() async throws {
        let report = try #require(
            CQ.executable?.deletingLastPathComponent().appendingPathComponent("cq-daily-report"),
            "cq-daily-report is built next to cq")
        try await withSimulatorServer { simulator, host in
            let result = try await CQ.run(
                report, ["gh/acme/api", "7"], environment: ["CIRCLECI_HOST": host, "CIRCLECI_TOKEN": Simulator.demoToken])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("# Failed jobs by team — gh/acme/api, last 7 days"))
            #expect(result.stdout.contains("| backend |"), "the program's own builtin grouped the jobs")
            try Golden.check(result.stdout, against: Self.expected)
            #expect(await simulator.requestLog.entries.allSatisfy { $0.method == "GET" }, "read-only")
        }
    }

    @Test func aMissingProjectIsAUsageError() async throws {
        let report = try #require(CQ.executable?.deletingLastPathComponent().appendingPathComponent("cq-daily-report"))
        let result = try await CQ.run(report, [])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("usage: cq-daily-report"))
    }
}
