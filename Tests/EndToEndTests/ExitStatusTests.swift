import CircleCISimulator
import Foundation
import Testing

/// Exit statuses and what reaches CircleCI: tokens, unknown projects,
/// unreachable hosts, and writes only with `--allow-writes`.
@Suite(.timeLimit(.minutes(3))) struct ExitStatusTests {
    /// An HTTP simulator for the duration of `body`.
    @Test func pureQueriesNeedNoToken() async throws {
        let result = try await CQ.run(["-e", "[1, 2, 3] | map it * 2 | sum"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "12\n")
    }

    @Test func noTokenSaysHowToSetOneWithoutARequest() async throws {
        try await withSimulatorServer { simulator, host in
            let result = try await CQ.run(["--host", host, "-e", #"pipelines("gh/org/repo") | take 1"#])
            #expect(result.status == 77, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("no token is set"))
            #expect(result.stderr.contains("export CIRCLECI_TOKEN="))
            #expect(result.stderr.contains("--demo"))
            #expect(await simulator.requestLog.count == 0)
        }
    }

    @Test func tokenFromTheCLIConfigFile() async throws {
        try await withSimulatorServer { simulator, host in
            let home = try ScratchDirectory()
            try FileManager.default.createDirectory(
                at: home.url.appendingPathComponent(".circleci"), withIntermediateDirectories: true)
            _ = try home.write(".circleci/cli.yml", "host: \(host)\ntoken: \(Simulator.demoToken)\n")
            let query = #"pipelines("gh/org/repo") | take 1 | map number"#
            let result = try await CQ.run(["-e", query], environment: ["HOME": home.url.path])
            #expect(result.status == 0, "\(result)")
            #expect(await simulator.requestLog.count == 1)
            // The answer of the organisation the demo also serves.
            let demo = try await CQ.run(["--demo", "-e", query])
            #expect(!demo.stdout.isEmpty && result.stdout == demo.stdout, "\(result)\n\(demo)")
            #expect(result.stderr.contains("other users can read it"), "a world-readable token is worth a warning")
        }
    }

    @Test func wrongTokenIsAnAuthenticationFailure() async throws {
        try await withSimulatorServer { simulator, host in
            let result = try await CQ.run(
                ["--host", host, "-e", #"pipelines("gh/org/repo") | take 1"#], environment: ["CIRCLECI_TOKEN": "CCIPAT_wrong"])
            #expect(result.status == 77, "\(result)")
            #expect(result.stderr.contains("CircleCI rejected the token"))
            #expect(result.stderr.contains("<command line>:1:1: error:"))
            #expect(await simulator.requestLog.entries.map(\.status) == [401])
        }
    }

    @Test func unknownProjectIsARuntimeErrorNamingTheSlug() async throws {
        let result = try await CQ.run(["--demo", "-e", #"pipelines("gh/acme/nope") | where state == "failed" | jobs"#])
        #expect(result.status == 70, "\(result)")
        #expect(result.stderr.contains("gh/acme/nope"))
        #expect(result.stderr.contains("not found"))
    }

    @Test func unreachableHostIsServiceUnavailable() async throws {
        let result = try await CQ.run(
            ["--host", "http://127.0.0.1:1", "-e", #"pipelines("gh/org/repo") | take 1"#],
            environment: ["CIRCLECI_TOKEN": Simulator.demoToken])
        #expect(result.status == 69, "\(result)")
        #expect(result.stderr.contains("could not reach CircleCI"))
    }

    @Test func interruptStopsAQueryWaitingOnCircleCI() async throws {
        try await withSimulatorServer { simulator, host in
            await simulator.faults.setLatency(.seconds(60))
            let query = try CQ.start(
                ["--host", host, "-e", #"pipelines("gh/org/repo") | take 1"#], environment: ["CIRCLECI_TOKEN": Simulator.demoToken])
            // Interrupt once the request is in flight (and cq's handler is in place).
            for _ in 0..<400 where await simulator.requestLog.arrived == 0 {
                try await Task.sleep(for: .milliseconds(50))
            }
            query.interrupt()
            let result = await query.result(timeout: .seconds(20))
            #expect(!result.timedOut, "Ctrl-C stops cq while a request is in flight")
            #expect(result.status == 130, "\(result)")
            #expect(result.stderr.contains("Cancelled."), "\(result)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func usageErrors() async throws {
        let format = try await CQ.run(["--format", "xml", "-e", "1"])
        #expect(format.status == 64, "\(format)")
        let missing = try await CQ.run(["no-such-file.cq"])
        #expect(missing.status == 64, "\(missing)")
        #expect(missing.stderr.contains("no-such-file.cq"))
        let clock = try await CQ.run(["-e", "now()"], environment: ["CQ_NOW": "yesterday"])
        #expect(clock.status == 64, "\(clock)")
        #expect(clock.stderr.contains("CQ_NOW"))
    }

    @Test func writesAreRefusedWithoutAllowWrites() async throws {
        try await withSimulatorServer { simulator, host in
            let query = #"pipelines("gh/acme/api", branch: "main") | take 10 | workflows(latest: true) | where status == "failed" | rerun(from_failed: true)"#
            let environment = ["CIRCLECI_TOKEN": Simulator.demoToken]
            let refused = try await CQ.run(["--host", host, "-e", query], environment: environment)
            #expect(refused.status == 65, "\(refused)")
            #expect(refused.stderr.contains("`rerun` changes CircleCI state"))
            #expect(refused.stderr.contains("--allow-writes"))
            #expect(await simulator.requestLog.count == 0)
            #expect(await simulator.mutationCount() == 0)

            // One rerun per failed workflow: as many as the same reads find.
            let reads = query.replacingOccurrences(of: " | rerun(from_failed: true)", with: " | count")
            let counted = try await CQ.run(["--host", host, "-e", reads], environment: environment)
            let failed = try #require(Int(counted.stdout.trimmingCharacters(in: .newlines)), "\(counted)")
            #expect(failed > 0, "the query has failed workflows to rerun")
            #expect(await simulator.mutationCount() == 0)

            let allowed = try await CQ.run(["--host", host, "--allow-writes", "--format", "ndjson", "-e", query],
                                           environment: environment)
            #expect(allowed.status == 0, "\(allowed)")
            let reruns = await simulator.requestLog.entries.filter { $0.method == "POST" }
            #expect(reruns.count == failed)
            #expect(reruns.allSatisfy { $0.operationID == "rerunWorkflow" && $0.status == 202 })
            #expect(await simulator.mutationCount() == failed)
            #expect(allowed.stdout.split(separator: "\n").count == failed)
        }
    }

    @Test func triggerWithAllowWrites() async throws {
        try await withSimulatorServer { simulator, host in
            let environment = ["CIRCLECI_TOKEN": Simulator.demoToken]
            let newest = #"(pipelines("gh/org/repo") | first).number"#
            let before = try #require(Int(try await CQ.run(["--host", host, "-e", newest], environment: environment)
                .stdout.trimmingCharacters(in: .newlines)))
            let result = try await CQ.run(
                ["--host", host, "--allow-writes", "--format", "json", "-e", #"trigger("gh/org/repo", branch: "main")"#],
                environment: environment)
            #expect(result.status == 0, "\(result)")
            let created = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(created["number"] as? Int == before + 1, "the next pipeline number")
            #expect(created["url"] as? String == "\(host)/pipelines/github/org/repo/\(before + 1)")
            #expect(await simulator.mutationCount() == 1)
            let after = try await CQ.run(["--host", host, "-e", newest], environment: environment)
            #expect(after.stdout == "\(before + 1)\n", "the triggered pipeline is the newest")
        }
    }
}
