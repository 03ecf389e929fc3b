import CircleCISimulator
import Foundation
import Testing

// Issue 10's faults through the built `cq` binary against the simulator over
// HTTP: each ends in the right answer after bounded retries, or in a clear
// error with exit 69 (service unavailable) saying how many attempts were
// made, and no row is ever written twice. `--format ndjson` shows the rows
// already received; how many there are when a query fails is the renderer's
// business, so only their order and uniqueness are checked here.
//
// Each suite is serialized: every test holds a simulator server, and each
// server parks two Dispatch threads in `epoll_wait`; dozens at once, beside
// the other suites, would exhaust Dispatch's 255 threads and stall the whole
// test process. Three suites keep the wall time down.

/// What the fault suites share.
enum Faults {
    /// Three pages of pipelines (20 a page).
    static let listQuery = #"pipelines("gh/acme/api") | take 45 | select id, number"#
    static let environment = ["CIRCLECI_TOKEN": Simulator.demoToken]

    /// The rows `listQuery` prints when nothing goes wrong (every simulator
    /// serves the same organisation, so one clean run answers for all).
    static func cleanRows(_ host: String) async throws -> [Substring] {
        if let rows = await clean.rows { return rows }
        let result = try await CQ.run(["--host", host, "--format", "ndjson", "-e", listQuery], environment: environment)
        #expect(result.status == 0, "\(result)")
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.count == 45 && Set(rows).count == 45)
        await clean.keep(rows)
        return rows
    }

    private actor Clean {
        var rows: [Substring]?
        func keep(_ rows: [Substring]) { self.rows = rows }
    }

    private static let clean = Clean()

    static func run(_ host: String, _ extra: [String] = [], query: String = listQuery) async throws -> CommandResult {
        try await CQ.run(["--host", host, "--format", "ndjson"] + extra + ["-e", query], environment: environment)
    }

    /// The rows of a failed run: each at most once, and the first ones of the answer, in order.
    static func expectPrefix(_ result: CommandResult, of rows: [Substring], sourceLocation: SourceLocation = #_sourceLocation) {
        let written = result.stdout.split(separator: "\n")
        #expect(Set(written).count == written.count, "no row twice: \(result)", sourceLocation: sourceLocation)
        #expect(Array(rows.prefix(written.count)) == written, "rows in order: \(result)", sourceLocation: sourceLocation)
    }
}

/// Faults that clear: the right answer, every row once.
@Suite(.serialized, .timeLimit(.minutes(10))) struct RetryEndToEndTests {
    @Test func a500OnPage2IsRetriedAndEveryRowIsWrittenOnce() async throws {
        try await withSimulatorServer { simulator, host in
            let rows = try await Faults.cleanRows(host)
            await simulator.requestLog.reset()
            await simulator.faults.inject(.serverError(status: 500), count: 2, matching: .page(2, of: "listPipelinesForProject"))
            let result = try await Faults.run(host)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n") == rows)
            #expect(await simulator.requestLog.entries.map(\.status) == [200, 500, 500, 200, 200])
        }
    }

    @Test(arguments: [SimulatorFault.cutShortBody(), .connectionReset()])
    func aBodyCutShortIsRetried(_ fault: SimulatorFault) async throws {
        try await withSimulatorServer { simulator, host in
            let rows = try await Faults.cleanRows(host)
            await simulator.requestLog.reset()
            await simulator.faults.inject(fault, count: 2, matching: .page(2, of: "listPipelinesForProject"))
            let result = try await Faults.run(host)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n") == rows)
            #expect(await simulator.requestLog.count == 5)
        }
    }

    @Test func aServerThatNeverAnswersIsGivenUpOnAfterTheRequestTimeoutAndRetried() async throws {
        try await withSimulatorServer { simulator, host in
            let rows = try await Faults.cleanRows(host)
            await simulator.requestLog.reset()
            await simulator.faults.inject(.noResponse, count: 1, matching: .page(2, of: "listPipelinesForProject"))
            let result = try await Faults.run(host, ["--request-timeout", "1"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n") == rows)
            #expect(await simulator.requestLog.arrived == 4)
        }
    }

    @Test func aRetryAfterWithinMaxWaitIsWaitedForAndALongerOneIsNot() async throws {
        try await withSimulatorServer { simulator, host in
            let rows = try await Faults.cleanRows(host)
            await simulator.faults.inject(.rateLimited(retryAfter: 2), count: 1)
            let waited = try await Faults.run(host, ["--max-wait", "5"])
            #expect(waited.status == 0, "\(waited)")
            #expect(waited.stdout.split(separator: "\n") == rows)

            await simulator.faults.inject(.rateLimited(retryAfter: 2), count: 1)
            let refused = try await Faults.run(host, ["--max-wait", "1"])
            #expect(refused.status == 69, "\(refused)")
            #expect(refused.stderr.contains("come back in 2 s"), "\(refused)")
            #expect(refused.stderr.contains("longest wait allowed (1 s)"), "\(refused)")
        }
    }
}

/// Faults that never clear: exit 69, saying how many attempts were made.
@Suite(.serialized, .timeLimit(.minutes(10))) struct ExhaustedRetryEndToEndTests {
    @Test func a500OnPage2ThatNeverClearsEndsInExit69AfterFourAttempts() async throws {
        try await withSimulatorServer { simulator, host in
            let rows = try await Faults.cleanRows(host)
            await simulator.requestLog.reset()
            await simulator.faults.inject(.serverError(status: 500), count: nil, matching: .page(2, of: "listPipelinesForProject"))
            let result = try await Faults.run(host)
            #expect(result.status == 69, "\(result)")
            #expect(result.stderr.contains("CircleCI server error (HTTP 500)"), "\(result)")
            #expect(result.stderr.contains("after 4 attempts"), "\(result)")
            #expect(result.stderr.contains("Internal server error."), "CircleCI's message: \(result)")
            Faults.expectPrefix(result, of: rows)
            #expect(await simulator.requestLog.entries.map(\.status) == [200, 500, 500, 500, 500])
        }
    }

    @Test(arguments: [SimulatorFault.cutShortBody(), .connectionReset()])
    func aBodyCutShortEveryTimeEndsInExit69AfterFourAttempts(_ fault: SimulatorFault) async throws {
        try await withSimulatorServer { simulator, host in
            let rows = try await Faults.cleanRows(host)
            await simulator.faults.inject(fault, count: nil, matching: .page(3, of: "listPipelinesForProject"))
            let result = try await Faults.run(host)
            #expect(result.status == 69, "\(result)")
            #expect(result.stderr.contains("could not reach CircleCI: the connection was lost"), "\(result)")
            #expect(result.stderr.contains("after 4 attempts"), "\(result)")
            Faults.expectPrefix(result, of: rows)
        }
    }

    @Test func aServerThatNeverAnswersAtAllEndsInExit69AfterFourAttempts() async throws {
        try await withSimulatorServer { simulator, host in
            await simulator.faults.inject(.noResponse, count: nil)
            let result = try await Faults.run(host, ["--request-timeout", "0.5"])
            #expect(result.status == 69, "\(result)")
            #expect(result.stderr.contains("timed out: no response within 500 ms after 4 attempts"), "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(await simulator.requestLog.arrived == 4)
        }
    }

    @Test func aWriteIsNotSentAgainAfterA500() async throws {
        try await withSimulatorServer { simulator, host in
            await simulator.faults.inject(.serverError(status: 500), count: nil, matching: .operation("triggerPipeline"))
            let result = try await Faults.run(host, ["--allow-writes"], query: #"trigger("gh/org/repo", branch: "main")"#)
            #expect(result.status == 69, "\(result)")
            #expect(result.stderr.contains("CircleCI server error (HTTP 500)"), "\(result)")
            #expect(result.stderr.contains("not sent again, as it may have taken effect"), "\(result)")
            #expect(await simulator.requestLog.count(operationID: "triggerPipeline") == 1)
        }
    }
}

/// Far `Retry-After`s, refused cross-host redirects and error bodies echoing the token.
@Suite(.serialized, .timeLimit(.minutes(10))) struct WaitRedirectAndTokenEndToEndTests {
    /// Issue 10: a `Retry-After` of an hour made cq give up at once without a word about it.
    @Test(arguments: [false, true])
    func aFarRetryAfterFailsAtOnceSayingWhenToComeBack(_ asHTTPDate: Bool) async throws {
        try await withSimulatorServer { simulator, host in
            let fault: SimulatorFault = asHTTPDate
                ? .rateLimitedUntil(Date().addingTimeInterval(3600)) : .rateLimited(retryAfter: 3600)
            await simulator.faults.inject(fault, count: nil)
            let result = try await Faults.run(host)
            #expect(result.status == 69, "\(result)")
            #expect(result.stderr.contains("CircleCI rate limit exceeded: CircleCI asked to come back in"), "\(result)")
            #expect(result.stderr.contains(asHTTPDate ? " s (at 20" : "3600 s (at 20"), "the time: \(result)")
            #expect(result.stderr.contains("longer than the longest wait allowed (60 s)"), "\(result)")
            #expect(result.stderr.contains("--max-wait"), "how to wait longer: \(result)")
            #expect(await simulator.requestLog.count == 1, "nothing is sent again before CircleCI said to")
        }
    }

    /// Issue 10: a cross-host redirect, followed without the token, was
    /// reported as "CircleCI rejected the token".
    @Test func aCrossHostRedirectRefusedWithoutTheTokenSaysSo() async throws {
        try await withSimulatorServer { simulator, host in
            await simulator.faults.inject(.crossHostRedirect(status: 307), count: 1)
            let result = try await Faults.run(host)
            #expect(result.status == 69, "\(result)")
            #expect(result.stderr.contains("the request was redirected to 127."), "\(result)")
            #expect(result.stderr.contains("which refused it without credentials (HTTP 401)"), "\(result)")
            #expect(!result.stderr.contains("rejected the token"), "\(result)")
            let entries = await simulator.requestLog.entries
            #expect(entries.map(\.authPresented) == [true, false], "the token stays on its host")
        }
    }

    @Test(arguments: [(400, Int32(65)), (401, 77), (403, 77), (404, 70), (429, 69), (500, 69)])
    func anErrorBodyEchoingTheTokenIsPrintedRedacted(_ status: Int, _ exit: Int32) async throws {
        try await withSimulatorServer { simulator, host in
            await simulator.faults.inject(.echoToken(status: status), count: nil)
            let result = try await Faults.run(host)
            #expect(result.status == exit, "\(result)")
            #expect(result.stderr.contains("token <redacted> is not valid"), "\(result)")
            #expect(!result.stderr.contains(Simulator.demoToken) && !result.stdout.contains(Simulator.demoToken))
        }
    }
}
