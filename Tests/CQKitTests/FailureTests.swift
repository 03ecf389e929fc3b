import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Testing

/// API failures become runtime errors of the right kind, pointing at the
/// call that failed; writes are refused before any request.
@Suite(.timeLimit(.minutes(3))) struct FailureTests {
    /// The runtime error `query` fails with.
    private func failure(_ query: String, in harness: Harness = Harness()) async throws -> RuntimeError {
        do {
            let value = try await harness.evaluate(query)
            Issue.record("expected a failure, got \(value)")
            throw CancellationError()
        } catch let error as RuntimeError {
            return error
        }
    }

    @Test func unknownProjectIsNotFoundAtTheCall() async throws {
        let query = #"let x = 1; pipelines("gh/acme/nope") | take 1"#
        let error = try await failure(query)
        #expect(error.kind == .notFound)
        #expect(error.diagnostic.message.contains("gh/acme/nope"))
        let start = query.utf8.count - #"pipelines("gh/acme/nope") | take 1"#.utf8.count
        #expect(error.diagnostic.range.start == start)
        #expect(error.diagnostic.range.end == start + #"pipelines("gh/acme/nope")"#.utf8.count)
    }

    @Test func unknownPipelineNumberIsNotFound() async throws {
        #expect(try await failure(#"pipeline("gh/acme/api", 999999)"#).kind == .notFound)
        #expect(try await failure(#"job("gh/acme/api", 999999)"#).kind == .notFound)
    }

    @Test func wrongTokenIsAuthentication() async throws {
        let harness = Harness(token: "CCIPAT_wrong", simulator: Simulator(now: fixedNow))
        let error = try await failure(#"pipelines("gh/acme/api") | take 1"#, in: harness)
        #expect(error.kind == .authentication)
        #expect(error.diagnostic.notes.contains { $0.message.contains("CIRCLECI_TOKEN") })
        #expect(await harness.simulator.requestLog.entries.map(\.status) == [401])
    }

    @Test func missingTokenIsAuthentication() async throws {
        let error = try await failure("me()", in: Harness(token: nil))
        #expect(error.kind == .authentication)
    }

    @Test func serverErrorsAreUnavailable() async throws {
        let harness = Harness(simulator: Simulator(now: fixedNow))
        await harness.simulator.faults.inject(.serverError(status: 503), count: nil)
        #expect(try await failure(#"pipelines("gh/acme/api") | take 1"#, in: harness).kind == .unavailable)
    }

    @Test func aBadSlugIsAQueryError() async throws {
        let error = try await failure(#"pipelines("acme") | take 1"#)
        #expect(error.kind == .query)
    }

    @Test(arguments: [
        #"trigger("gh/acme/api", branch: "main")"#,
        #"pipelines("gh/acme/api") | workflows | rerun"#,
        #"pipelines("gh/acme/api") | workflows | where status == "running" | cancel"#,
        #"pipelines("gh/acme/api") | jobs | where type == "approval" | approve"#,
        "def again = rerun(from_failed: true)\npipelines(\"gh/acme/api\") | workflows | again",
    ])
    func writesAreRefusedBeforeAnyRequest(_ query: String) async throws {
        let harness = Harness(simulator: Simulator(now: fixedNow))
        do {
            _ = try await harness.evaluate(query)
            Issue.record("the write ran")
        } catch let error as CompileError {
            #expect(error.diagnostics.contains { $0.id == "writes-not-allowed" }, "\(error)")
            #expect(error.rendered().contains("--allow-writes"))
        }
        #expect(await harness.simulator.requestLog.count == 0)
        #expect(harness.metrics.snapshot.requests == 0)
        #expect(await harness.simulator.mutationCount() == 0)
    }

    @Test func allowedWritesReachTheOrganisation() async throws {
        let harness = Harness(allowWrites: true)
        let created = try await harness.evaluate(#"trigger("gh/acme/api", branch: "main")"#)
        let number = try #require(created["number"]?.intValue)
        #expect(await harness.simulator.mutationCount() == 1)
        let newest = try await harness.evaluate(#"pipelines("gh/acme/api") | first"#)
        #expect(newest["number"] == .int(number))
        #expect(newest["vcs"]?["branch"] == .string("main"))
        #expect(created["url"] == .string("https://app.circleci.com/pipelines/github/acme/api/\(number)"))
    }

    @Test func approvingAHoldUnblocksIt() async throws {
        let harness = Harness(allowWrites: true)
        let waiting = try await harness.evaluate(
            #"pipelines("gh/acme/api") | take 10 | jobs | where type == "approval" and status == "on_hold" | first"#)
        let number = try #require(waiting["pipeline_number"]?.intValue, "a pipeline of gh/acme/api waits for approval")
        let name = try #require(waiting["name"]?.stringValue)
        let approved = try await harness.rows(
            #"pipeline("gh/acme/api", \#(number)) | jobs | where type == "approval" and status == "on_hold" | approve"#)
        #expect(approved.count == 1)
        let hold = try await harness.rows(#"pipeline("gh/acme/api", \#(number)) | jobs | where name == "\#(name)" | map status"#)
        #expect(hold == [.string("success")])
    }
}
