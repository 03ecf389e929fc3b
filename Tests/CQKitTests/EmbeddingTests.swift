import CQ
import CQKit
import CircleCISimulator
import Testing

/// The embedding API: compile once and run many times, decode results,
/// arguments, limits and the embedder's own builtins.
@Suite(.timeLimit(.minutes(3))) struct EmbeddingTests {
    let harness = Harness()

    @Test func compileOnceRunTwice() async throws {
        let query = try harness.engine.compile(#"pipelines("gh/org/repo") | where state == "failed" | map number"#)
        #expect(harness.metrics.snapshot.requests == 0)

        var first = Environment()
        let one = try await harness.engine.run(query, in: &first)?.collect()
        let afterFirst = harness.metrics.snapshot.requests
        var second = Environment()
        let two = try await harness.engine.run(query, in: &second)?.collect()
        #expect(one == two)
        // Each run is a new evaluation: nothing is remembered between runs.
        #expect(harness.metrics.snapshot.requests == 2 * afterFirst)
        // The failed pipelines, picked out here from every pipeline's state.
        let states = try await harness.rows(#"pipelines("gh/org/repo") | select number, state"#)
        let failed = states.filter { $0["state"] == .string("failed") }.compactMap { $0["number"] }
        #expect(!failed.isEmpty)
        #expect(one?.listValue == failed)
    }

    @Test func letsAndDefsCarryOverBetweenRuns() async throws {
        var bindings = Checker.Bindings()
        var environment = Environment()
        let define = try harness.engine.compile(
            SourceFile(name: "repl:1", text: "def failing = where status == \"failed\"\nlet slug = \"gh/org/repo\""),
            bindings: &bindings)
        _ = try await harness.engine.run(define, in: &environment)
        let number = try #require(
            try await harness.evaluate(#"(pipelines("gh/org/repo") | where state == "failed" | first).number"#).intValue)
        let use = try harness.engine.compile(
            SourceFile(name: "repl:2", text: "pipeline(slug, \(number)) | jobs | failing | map name"), bindings: &bindings)
        let names = try await harness.engine.run(use, in: &environment)?.collect()
        let expected = try await harness.evaluate(
            #"pipeline("gh/org/repo", \#(number)) | jobs | where status == "failed" | map name"#)
        #expect(expected.listValue?.isEmpty == false, "a failed pipeline has failed jobs")
        #expect(names == expected)
    }

    struct PipelineRow: Decodable, Equatable {
        let number: Int
        let state: String
        let branch: String?
    }

    @Test func decodesIntoTheCallersType() async throws {
        let query = #"pipelines("gh/org/repo") | take 4 | select number, state, branch: vcs.branch"#
        let rows = try await harness.engine.evaluate(query, as: [PipelineRow].self)
        let values = try await harness.rows(query)
        #expect(rows.count == 4)
        #expect(rows.map(\.number) == values.compactMap { $0["number"]?.intValue })
        #expect(rows.map(\.state) == values.compactMap { $0["state"]?.stringValue })
        #expect(rows.map(\.branch) == values.map { $0["branch"]?.stringValue })
        #expect(rows.contains { $0.branch != nil })
    }

    @Test func argumentsAreVariables() async throws {
        let newest = try #require(try await harness.evaluate(#"(pipelines("gh/org/repo") | first).number"#).intValue)
        let count = try await harness.engine.evaluate(
            "pipelines($slug) | where number > $since | count",
            arguments: ["slug": .string("gh/org/repo"), "since": .int(newest - 2)])
        #expect(count == .int(2))
    }

    @Test func compileErrorsListEveryProblemWithoutRequests() throws {
        do {
            _ = try harness.engine.compile(#"pipelines("gh/org/repo") | jobs | where stauts == "failed" | sortt"#)
            Issue.record("compiled")
        } catch {
            #expect(error.diagnostics.count == 2)
            #expect(error.diagnostics.map(\.id).contains("unknown-field"), "\(error)")
        }
        #expect(harness.metrics.snapshot.requests == 0)
    }

    @Test func timeoutStopsAQueryThatWaitsTooLong() async throws {
        var options = EvaluationOptions()
        options.timeout = .milliseconds(200)
        let slow = Harness(evaluation: options, simulator: Simulator(now: fixedNow))
        await slow.simulator.faults.setLatency(.seconds(60))
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try await slow.evaluate(#"pipelines("gh/acme/api") | take 1 | map number"#)
            Issue.record("finished despite the latency")
        } catch let error as RuntimeError {
            #expect(error.kind == .limit)
            #expect(error.diagnostic.id == "timeout")
        }
        // Far less than the latency, with room for a busy machine.
        #expect(clock.now - start < .seconds(20))
    }

    @Test func stepLimitStopsARunawayQuery() async throws {
        var options = EvaluationOptions()
        options.maxSteps = 1_000
        let limited = Harness(evaluation: options)
        do {
            _ = try await limited.evaluate("range(100000) | map it * 2 | sum")
            Issue.record("finished despite the step limit")
        } catch let error as RuntimeError {
            #expect(error.kind == .limit)
        }
        #expect(try await limited.evaluate("range(10) | map it * 2 | sum") == .int(90))
    }

    @Test func embeddersAddBuiltins() async throws {
        let double = Builtin(
            "double", kind: .function, parameters: [Parameter("n", .int)], summary: "Twice n.",
            result: .fixed(.int),
            implementation: .function { invocation in .value(.int(2 * (try invocation.int("n") ?? 0))) })
        let engine = CQEngine(session: harness.session, builtins: [double])
        #expect(try await engine.evaluate("double(21)") == .int(42))
        #expect(engine.registry.builtin(named: "pipelines") != nil)
    }
}
