import CircleCISimulator
import Foundation
import Testing

/// The response cache through the built binary, against the simulator's HTTP
/// server: second runs, `--no-cache`, `--refresh`, `cq cache`, and two
/// processes on one cache at once.
@Suite(.timeLimit(.minutes(3))) struct CacheTests {
    /// An HTTP simulator and a cache directory of its own for `body`; runs
    /// use a long time to live, so no assertion depends on how fast they are.
    private func withCachedServer(_ body: (Simulator, [String], [String: String]) async throws -> Void) async throws {
        let simulator = Simulator(now: try #require(ISO8601DateFormatter().date(from: pinnedNow)))
        let host = try await simulator.startServer(port: 0)
        let cacheHome = try ScratchDirectory()
        let environment = ["CIRCLECI_TOKEN": Simulator.demoToken, "XDG_CACHE_HOME": cacheHome.url.path]
        do {
            try await body(simulator, ["--host", host.absoluteString, "--cache-ttl", "3600"], environment)
        } catch {
            await simulator.stopServer()
            throw error
        }
        await simulator.stopServer()
    }

    /// Runs `cq` and returns its result with the requests the simulator received meanwhile.
    private func run(
        _ simulator: Simulator, _ arguments: [String], _ environment: [String: String]
    ) async throws -> (result: CommandResult, requests: Int) {
        let before = await simulator.requestLog.count
        let result = try await CQ.run(arguments, environment: environment)
        return (result, await simulator.requestLog.count - before)
    }

    /// The `entries` line of `cq cache stats`.
    private func entriesLine(_ environment: [String: String]) async throws -> String {
        let stats = try await CQ.run(["cache", "stats"], environment: environment)
        #expect(stats.status == 0, "\(stats)")
        return stats.stdout.split(separator: "\n").first { $0.hasPrefix("entries") }.map(String.init) ?? ""
    }

    @Test func aSecondRunIsAnsweredFromTheCache() async throws {
        try await withCachedServer { simulator, host, environment in
            let cold = try await run(simulator, host + ["-e", missionQuery], environment)
            #expect(cold.result.status == 0, "\(cold.result)")
            #expect(cold.requests > 10)
            #expect(cold.result.stdout == (try String(contentsOf: MissionTests.golden, encoding: .utf8)))

            let warm = try await run(simulator, host + ["-e", missionQuery], environment)
            #expect(warm.result.status == 0, "\(warm.result)")
            #expect(warm.requests == 0)
            #expect(warm.result.stdout == cold.result.stdout)
            #expect(warm.result.stderr.isEmpty)
        }
    }

    /// Lists are kept for no time at all here; what a finished job holds
    /// (its tests, told by the `tests` fan-out) is kept for good.
    @Test func theTestsOfFinishedJobsOutliveTheLists() async throws {
        try await withCachedServer { simulator, host, environment in
            let query = #"pipelines("gh/acme/api") | take 10 | jobs | where status == "failed" | tests | count"#
            let arguments = host + ["--cache-ttl", "0", "--stats", "-e", query]
            let cold = try await run(simulator, arguments, environment)
            #expect(cold.result.status == 0, "\(cold.result)")
            #expect(cold.result.stderr.contains("getTests"), "\(cold.result.stderr)")
            let warm = try await run(simulator, arguments, environment)
            #expect(warm.result.stdout == cold.result.stdout)
            #expect(warm.requests < cold.requests)
            let requested = warm.result.stderr.split(separator: "\n").first { $0.contains("requests:") } ?? ""
            #expect(requested.contains("listPipelinesForProject"), "lists are requested again: \(warm.result.stderr)")
            #expect(!requested.contains("getTests"), "finished jobs' tests come from the cache: \(warm.result.stderr)")
        }
    }

    @Test func noCacheAndRefreshDoWhatTheySay() async throws {
        try await withCachedServer { simulator, host, environment in
            let cold = try await run(simulator, host + ["-e", missionQuery], environment)
            #expect(cold.result.status == 0, "\(cold.result)")
            let entries = try await entriesLine(environment)
            #expect(entries.contains("kept until evicted"))

            let bypass = try await run(simulator, host + ["--no-cache", "-e", missionQuery], environment)
            #expect(bypass.result.status == 0, "\(bypass.result)")
            #expect(bypass.requests == cold.requests, "--no-cache reads nothing from the cache")
            #expect(bypass.result.stdout == cold.result.stdout)
            #expect(try await entriesLine(environment) == entries, "and stores nothing")

            let refresh = try await run(simulator, host + ["--refresh", "-e", missionQuery], environment)
            #expect(refresh.result.status == 0, "\(refresh.result)")
            #expect(refresh.requests == cold.requests, "--refresh fetches everything again")
            #expect(refresh.result.stdout == cold.result.stdout)

            let warm = try await run(simulator, host + ["-e", missionQuery], environment)
            #expect(warm.requests == 0, "what --refresh wrote is read back")
        }
    }

    @Test func cacheStatsClearAndPath() async throws {
        try await withCachedServer { simulator, host, environment in
            let cacheHome = try #require(environment["XDG_CACHE_HOME"])
            let path = try await CQ.run(["cache", "path"], environment: environment)
            #expect(path.status == 0 && path.stdout == cacheHome + "/cq\n", "\(path)")
            let fromHome = try await CQ.run(["cache", "path"], environment: ["XDG_CACHE_HOME": ""])
            #expect(fromHome.stdout == CQ.home.path + "/.cache/cq\n", "\(fromHome)")

            let empty = try await CQ.run(["cache", "stats"], environment: environment)
            #expect(empty.status == 0, "\(empty)")
            #expect(empty.stdout.contains("entries   0 ("), "\(empty)")

            _ = try await run(simulator, host + ["-e", missionQuery], environment)
            let full = try await CQ.run(["cache", "stats"], environment: environment)
            #expect(full.stdout.contains(cacheHome + "/cq/responses.sqlite"), "\(full)")
            #expect(!full.stdout.contains("entries   0 ("), "\(full)")
            #expect(full.stdout.contains("kept until evicted"), "\(full)")
            let mode = try FileManager.default.attributesOfItem(atPath: cacheHome + "/cq/responses.sqlite")[
                .posixPermissions]
            #expect((mode as? NSNumber)?.intValue == 0o600)

            let clear = try await CQ.run(["cache", "clear"], environment: environment)
            #expect(clear.status == 0 && clear.stdout.hasPrefix("Cleared the cache at \(cacheHome)/cq"), "\(clear)")
            #expect(try await CQ.run(["cache", "stats"], environment: environment).stdout.contains("entries   0 ("))
            let again = try await run(simulator, host + ["-e", missionQuery], environment)
            #expect(again.requests > 10, "a cleared cache starts cold")

            let help = try await CQ.run(["help", "cache"])
            #expect(
                help.status == 0 && help.stdout.contains("SUBCOMMANDS:") && help.stdout.contains("stats"), "\(help)")
        }
    }

    @Test func twoProcessesAtOnceOnOneCache() async throws {
        try await withCachedServer { simulator, host, environment in
            // Slow answers keep both processes reading and writing the cache at the same time.
            await simulator.faults.setLatency(.milliseconds(20))
            let first = try CQ.start(host + ["-e", missionQuery], environment: environment)
            let second = try CQ.start(host + ["-e", missionQuery], environment: environment)
            let results = [await first.result(timeout: .seconds(90)), await second.result(timeout: .seconds(90))]
            let golden = try String(contentsOf: MissionTests.golden, encoding: .utf8)
            for result in results {
                #expect(result.status == 0 && !result.timedOut, "\(result)")
                #expect(result.stdout == golden)
                #expect(result.stderr.isEmpty, "no cache warning: \(result)")
            }
            await simulator.faults.setLatency(.zero)
            let warm = try await run(simulator, host + ["-e", missionQuery], environment)
            #expect(warm.requests == 0, "what both wrote is one sound cache")
            #expect(warm.result.stdout == golden)
        }
    }

    @Test func aCorruptCacheWarnsOnceAndTheQueryStillWorks() async throws {
        try await withCachedServer { simulator, host, environment in
            let directory = try #require(environment["XDG_CACHE_HOME"]) + "/cq"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: directory + "/responses.sqlite"))
            let result = try await run(simulator, host + ["-e", missionQuery], environment)
            #expect(result.result.status == 0, "\(result.result)")
            #expect(result.result.stdout == (try String(contentsOf: MissionTests.golden, encoding: .utf8)))
            let warnings = result.result.stderr.split(separator: "\n")
            #expect(
                warnings.count == 1 && warnings[0].hasPrefix("cq: warning: the response cache at"), "\(result.result)")
            let clear = try await CQ.run(["cache", "clear"], environment: environment)
            #expect(clear.status == 0, "\(clear)")
            let after = try await run(simulator, host + ["-e", missionQuery], environment)
            #expect(after.result.stderr.isEmpty, "\(after.result)")
        }
    }

    @Test func theDemoNeverUsesTheCache() async throws {
        let cacheHome = try ScratchDirectory()
        let result = try await CQ.run(
            ["--demo", "-e", missionQuery], environment: ["XDG_CACHE_HOME": cacheHome.url.path])
        #expect(result.status == 0, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: cacheHome.url.path + "/cq"))
    }
}
