import Synchronization
import Testing

@testable import REPL

/// The session loop over a scripted reader and a stub host: no terminal involved.
/// The time limit turns a session that never ends into a failure, not a hung run.
@Suite(.timeLimit(.minutes(1)))
struct REPLSessionTests {
    @Test func queriesPrintTheirResults() async {
        let session = ScriptedSession(ScriptedLineReader(lines: ["first", "", "second"]))
        #expect(await session.run() == 0)
        #expect(session.output.text == "ran first\nran second\n\n")
        #expect(session.reader.historyEntries() == ["first", "second"])
    }

    @Test func multiLineEntriesUseTheContinuationPromptAndOneHistoryItem() async {
        let session = ScriptedSession(ScriptedLineReader(lines: ["f(", "x", ")"]))
        _ = await session.run()
        #expect(session.reader.prompts == ["cq> ", "cq(> ", "cq(> ", "cq> "])
        #expect(session.reader.historyEntries() == ["f(\nx\n)"])
        #expect(session.output.text.hasPrefix("ran f(\nx\n)\n"))
    }

    @Test func controlCWhileEditingDropsTheUnfinishedEntry() async {
        let session = ScriptedSession(ScriptedLineReader([.line("f("), .interrupted, .line("g")]))
        _ = await session.run()
        #expect(session.reader.prompts == ["cq> ", "cq(> ", "cq> ", "cq> "])
        #expect(session.output.text == "ran g\n\n")
    }

    @Test func interactiveSessionsKeepGoingAfterErrors() async {
        let host = StubHost { $0 == "bad" ? .failure("error: bad") : .success("ok") }
        let session = ScriptedSession(ScriptedLineReader(lines: ["bad", "good"]), host: host)
        #expect(await session.run() == 0)
        #expect(session.errors.text == "error: bad\n")
        #expect(session.output.text == "ok\n\n")
    }

    @Test func pipedSessionsStopAtTheFirstFailure() async {
        let host = StubHost { $0 == "bad" ? .failure("error: bad", exitStatus: 69) : .success("ok") }
        let reader = ScriptedLineReader(lines: ["good", "bad", "good"], interactive: false)
        let session = ScriptedSession(reader, host: host)
        #expect(await session.run() == 69)
        #expect(session.output.text == "ok\n")
    }

    @Test func pipedSessionsEvaluateAnUnfinishedEntryAtTheEnd() async {
        let session = ScriptedSession(ScriptedLineReader(lines: ["f("], interactive: false))
        #expect(await session.run() == 0)
        #expect(session.output.text == "ran f(\n")
    }

    @Test func controlCInAPipedSessionEndsItWithStatus130() async {
        let session = ScriptedSession(ScriptedLineReader([.interrupted, .line("never")], interactive: false))
        #expect(await session.run() == 130)
        #expect(session.output.text == "")
    }

    @Test func controlCCancelsARunningEvaluation() async {
        let interrupts = ManualInterrupts()
        let host = StubHost { entry in
            guard entry == "slow" else { return .success("quick") }
            interrupts.fire()
            do { try await Task.sleep(for: .seconds(60)) } catch { return .failure("cancelled") }
            return .success("finished")
        }
        let session = ScriptedSession(ScriptedLineReader(lines: ["slow", "next"]), host: host, interrupts: interrupts)
        let start = ContinuousClock.now
        #expect(await session.run() == 0)
        #expect(start.duration(to: .now) < .seconds(10))
        #expect(session.errors.text == "Cancelled.\n")
        #expect(session.output.text == "quick\n\n")
    }

    @Test func timeReportsElapsedTimeRequestsAndCacheHits() async {
        let host = StubHost()
        let session = ScriptedSession(ScriptedLineReader(lines: [":time", "q", ":time off", "q"]), host: host)
        _ = await session.run()
        #expect(session.output.text == "Timing is on.\nran q\nTiming is off.\nran q\n\n")
        #expect(session.errors.text.hasPrefix("Time: "))
        #expect(session.errors.text.hasSuffix(" · 0 requests · 0 cache hits\n"))
    }

    @Test func hostCommandsAreDelegated() async {
        let lines = [":format json", ":use gh/acme/api", ":schema jobs", ":load ~/q.cq", ":help pipelines", ":format"]
        let session = ScriptedSession(ScriptedLineReader(lines: lines))
        _ = await session.run()
        let home = HistoryLocation.processEnvironment("HOME") ?? "~"
        #expect(
            session.host.performedCommands == [
                .format(.json), .use("gh/acme/api"), .schema("jobs"), .load(path: home + "/q.cq"),
                .help(topic: "pipelines"), .format(nil),
            ])
    }

    @Test func helpListsTheMetaCommandsThenTheHostsHelp() async {
        let session = ScriptedSession(ScriptedLineReader(lines: [":help", ":help :watch"]))
        _ = await session.run()
        let text = session.output.text
        for spec in MetaCommandSpec.all { #expect(text.contains(spec.usage)) }
        #expect(text.contains("performed help(topic: nil)\n"))
        #expect(text.contains(":watch SECONDS QUERY [until CONDITION]\n  re-run QUERY every SECONDS seconds"))
    }

    @Test func openRefusesWithoutAnInteractiveReader() async {
        let session = ScriptedSession(ScriptedLineReader(lines: [":open pipelines()"], interactive: false))
        #expect(await session.run() == 64)
        #expect(session.errors.text.contains("only in an interactive session"))
        #expect(session.host.performedCommands.isEmpty)
        let interactive = ScriptedSession(ScriptedLineReader(lines: [":open pipelines()", ":open"]))
        _ = await interactive.run()
        #expect(interactive.host.performedCommands == [.open("pipelines()"), .open(nil)])
    }

    @Test func pagerCanBeTurnedOffAndOn() async {
        let session = ScriptedSession(ScriptedLineReader(lines: [":pager off", ":pager", ":pager on"]))
        _ = await session.run()
        #expect(session.output.text.hasPrefix("Pager is off.\nPager is off.\nPager is on: "))
    }

    @Test func badMetaCommandsReportUsage() async {
        let session = ScriptedSession(ScriptedLineReader(lines: [":fromat json"], interactive: false))
        #expect(await session.run() == 64)
        #expect(session.errors.text == "unknown command `:fromat`; did you mean `:format`?\n")
    }

    @Test func historyListsEntriesWithNumbers() async {
        let session = ScriptedSession(ScriptedLineReader(lines: ["a", "b(", "c)", ":history 2"]))
        _ = await session.run()
        #expect(session.output.text.hasSuffix("  2  b(\n     c)\n  3  :history 2\n\n"))
    }

    @Test func quitEndsTheSession() async {
        let session = ScriptedSession(ScriptedLineReader(lines: [":q", "never"]))
        #expect(await session.run() == 0)
        #expect(session.output.text == "")
    }

    @Test func watchRerunsTheQueryUntilControlC() async {
        let interrupts = ManualInterrupts()
        let runs = RunCounter()
        let host = StubHost { _ in
            _ = runs.next()
            return .success("run")
        }
        // Ctrl-C once the third result is shown, while `:watch` waits to run
        // again. (Fired from inside the third run instead, the interrupt can
        // land as that run ends and be taken by the runner's monitor: the
        // watch then never sees it and runs forever.)
        let pressed = RunCounter()
        let output = BufferSink { written in
            if written.ranges(of: "run\n").count == 3, pressed.next() == 1 { interrupts.fire() }
        }
        let session = ScriptedSession(
            ScriptedLineReader(lines: [":watch 0.1 count", "after"]), host: host, interrupts: interrupts, output: output)
        _ = await session.run()
        // Three runs under `:watch`, the third pressing Ctrl-C, then `after`.
        // Not on a terminal, results are appended and headers go to the error output.
        #expect(session.errors.text.ranges(of: "every 0.1s: count (Ctrl-C to stop)").count == 3)
        #expect(!session.output.text.contains("every"))
        #expect(session.output.text.ranges(of: "run\n").count == 4)
        #expect(runs.count == 4)
    }
}

/// Counts calls from concurrent tasks.
final class RunCounter: Sendable {
    private let value = Mutex(0)

    /// Counts one call and returns the new total.
    func next() -> Int { value.withLock { $0 += 1; return $0 } }

    var count: Int { value.withLock { $0 } }
}
