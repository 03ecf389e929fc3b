import Synchronization
import Testing

@testable import REPL

/// `:watch … until`, and what changed marked on a terminal, over scripted parts.
@Suite(.timeLimit(.minutes(1)))
struct WatchLoopTests {
    /// A host whose nth evaluation prints `results[n]`; the condition holds of `"done"`.
    final class SequenceHost: REPLHost {
        let completeness: any InputCompletenessChecking = ParenthesisCompleteness()
        let completions: any CompletionProvider = NoCompletions()
        let results: [String]
        let runs = RunCounter()
        let conditions = Mutex<[String]>([])

        init(_ results: [String]) { self.results = results }

        func evaluate(_ entry: String) async -> EvaluationResult {
            .success(results[min(runs.next(), results.count) - 1])
        }

        func evaluate(_ entry: String, until condition: String) async -> EvaluationResult {
            conditions.withLock { $0.append(condition) }
            var result = await evaluate(entry)
            result.conditionHolds = result.output.contains("done")
            return result
        }

        func perform(_ command: HostCommand) async -> EvaluationResult { .success("") }
    }

    private func run(
        _ host: SequenceHost, _ request: WatchLoop.Request, terminal: Bool, interrupts: ManualInterrupts = ManualInterrupts(),
        output: BufferSink = BufferSink()
    ) async -> (WatchLoop.Ending, BufferSink, BufferSink) {
        let errors = BufferSink()
        let console = REPLConsole(
            reader: ScriptedLineReader(lines: []), output: output, errors: errors, interrupts: interrupts,
            outputIsTerminal: terminal)
        let options = REPLOptions(historyPath: nil, colors: false, highlightsChanges: true, pager: Pager(command: nil))
        let ending = await WatchLoop(host: host, console: console, options: options).run(request)
        return (ending, output, errors)
    }

    @Test func watchingStopsOnceTheConditionHolds() async {
        let host = SequenceHost(["running", "running", "done"])
        let request = WatchLoop.Request(query: "q", interval: .milliseconds(1), condition: #"it == "done""#)
        let (ending, output, errors) = await run(host, request, terminal: false)
        #expect(ending == .conditionHeld)
        #expect(output.text == "running\nrunning\ndone\n")
        #expect(host.conditions.withLock { $0 } == Array(repeating: #"it == "done""#, count: 3))
        #expect(errors.text.ranges(of: #"every 0.001s: q until it == "done" (Ctrl-C to stop)"#).count == 3)
        #expect(errors.text.hasSuffix("Stopped: it == \"done\" holds.\n"))
    }

    @Test func theSessionGoesOnAfterTheConditionHolds() async {
        let host = SequenceHost(["running", "done"])
        let session = ScriptedSession(ScriptedLineReader(lines: [#":watch 0.1 q until it == "done""#, "next"]))
        let console = REPLConsole(
            reader: session.reader, output: session.output, errors: session.errors, interrupts: session.interrupts)
        #expect(await REPLSession(host: host, options: REPLOptions(historyPath: nil), console: console).run() == 0)
        #expect(session.output.text == "running\ndone\ndone\n\n")
        #expect(host.runs.count == 3)
    }

    @Test func aFailingFirstRunStopsWithItsStatus() async {
        final class FailingHost: REPLHost {
            let completeness: any InputCompletenessChecking = ParenthesisCompleteness()
            let completions: any CompletionProvider = NoCompletions()
            func evaluate(_ entry: String) async -> EvaluationResult { .failure("error: no") }
            func perform(_ command: HostCommand) async -> EvaluationResult { .success("") }
        }
        let console = REPLConsole(
            reader: ScriptedLineReader(lines: []), output: BufferSink(), errors: BufferSink(), interrupts: ManualInterrupts())
        let ending = await WatchLoop(host: FailingHost(), console: console, options: REPLOptions(historyPath: nil))
            .run(WatchLoop.Request(query: "q", interval: .milliseconds(1), condition: "it"))
        #expect(ending == .failed(status: ExitStatus.usage), "the default host cannot check conditions")
    }

    @Test func onATerminalEachRefreshRedrawsAndMarksWhatChanged() async {
        let host = SequenceHost(["name  status\na     ok\nb     running\n", "name  status\na     ok\nb     failed\nc     new\n"])
        let interrupts = ManualInterrupts()
        let pressed = RunCounter()
        // Ctrl-C once the second result is shown, while the loop waits.
        let output = BufferSink { written in
            if written.contains("c     new"), pressed.next() == 1 { interrupts.fire() }
        }
        let request = WatchLoop.Request(query: "q", interval: .milliseconds(1))
        let (ending, _, _) = await run(host, request, terminal: true, interrupts: interrupts, output: output)
        #expect(ending == .interrupted)
        let refreshes = output.text.components(separatedBy: ANSI.clearScreen).dropFirst()
        #expect(refreshes.count == 2)
        let first = refreshes.first ?? ""
        let second = refreshes.last ?? ""
        #expect(first.hasPrefix("every 0.001s: q (Ctrl-C to stop)"))
        #expect(!first.contains(ChangeHighlight.on), "nothing to compare the first result with")
        #expect(second.contains("a     ok\nb     \(ChangeHighlight.on)failed\(ChangeHighlight.off)\n"))
        #expect(second.contains("\(ChangeHighlight.on)c     new\(ChangeHighlight.off)\n"))
        #expect(second.contains("name  status\n"))
    }

    @Test(arguments: [
        ("a  1\nb  2", "a  1\nb  2", "a  1\nb  2"),
        ("a  1\nb  3", "a  1\nb  2", "a  1\nb  \u{1B}[7m3\u{1B}[27m"),
        ("x  10  y", "x  1   y", "x  \u{1B}[7m10\u{1B}[27m  y"),
        ("x  1   y", "x  10  y", "x  \u{1B}[7m1\u{1B}[27m   y"),
        ("a  1\nnew row", "a  1", "a  1\n\u{1B}[7mnew row\u{1B}[27m"),
        ("   42", "    7", "   \u{1B}[7m42\u{1B}[27m"),
    ])
    func changedCellsAndNewLinesAreMarked(text: String, previous: String, marked: String) {
        #expect(ChangeHighlight.mark(text, since: previous) == marked)
    }
}
