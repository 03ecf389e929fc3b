import REPL
import Synchronization

/// A line reader that returns scripted input and records what it was asked.
final class ScriptedLineReader: LineReader {
    private struct State {
        var inputs: [LineInput]
        var requests: [LineRequest] = []
        var history: [String] = []
    }

    private let state: Mutex<State>
    let isInteractive: Bool

    init(_ inputs: [LineInput], interactive: Bool = true) {
        state = Mutex(State(inputs: inputs))
        isInteractive = interactive
    }

    /// Lines, then end of input.
    convenience init(lines: [String], interactive: Bool = true) {
        self.init(lines.map(LineInput.line), interactive: interactive)
    }

    func readLine(_ request: LineRequest) async -> LineInput {
        state.withLock { state in
            state.requests.append(request)
            return state.inputs.isEmpty ? .endOfInput : state.inputs.removeFirst()
        }
    }

    func recordHistory(_ entry: String) { state.withLock { $0.history.append(entry) } }
    func historyEntries() -> [String] { state.withLock { $0.history } }
    func close() {}

    /// The prompts shown, as plain text.
    var prompts: [String] { state.withLock { $0.requests.map(\.prompt.text) } }
}

/// Collects written text.
final class BufferSink: TextSink {
    private let buffer = Mutex("")
    private let onWrite: (@Sendable (String) -> Void)?

    /// `onWrite` sees everything written so far, after each write.
    init(onWrite: (@Sendable (String) -> Void)? = nil) {
        self.onWrite = onWrite
    }

    func write(_ text: String) {
        let written = buffer.withLock { $0 += text; return $0 }
        onWrite?(written)
    }

    var text: String { buffer.withLock { $0 } }
}

/// Interrupts fired by the test (or by a stub host) instead of SIGINT.
final class ManualInterrupts: InterruptSource {
    private let pending = Mutex(0)
    func activate() {}
    func deactivate() {}
    func fire() { pending.withLock { $0 += 1 } }
    func takeInterrupt() -> Bool {
        pending.withLock { count in
            guard count > 0 else { return false }
            count -= 1
            return true
        }
    }
}

/// A host whose evaluation is a closure; it records the commands it performs.
final class StubHost: REPLHost {
    let completeness: any InputCompletenessChecking = ParenthesisCompleteness()
    let completions: any CompletionProvider = NoCompletions()
    private let evaluation: @Sendable (String) async -> EvaluationResult
    private let performed = Mutex<[HostCommand]>([])
    private let counters: Mutex<REPLMetrics>

    init(
        metrics: REPLMetrics = .zero,
        evaluate: @escaping @Sendable (String) async -> EvaluationResult = { .success("ran \($0)") }
    ) {
        evaluation = evaluate
        counters = Mutex(metrics)
    }

    func evaluate(_ entry: String) async -> EvaluationResult { await evaluation(entry) }

    func perform(_ command: HostCommand) async -> EvaluationResult {
        performed.withLock { $0.append(command) }
        return .success("performed \(command)")
    }

    func metrics() async -> REPLMetrics { counters.withLock { $0 } }

    /// Adds to the cumulative counters, as a real host would while working.
    func record(requests: Int, cacheHits: Int) {
        counters.withLock {
            $0.requestsCompleted += requests
            $0.cacheHits += cacheHits
        }
    }

    var performedCommands: [HostCommand] { performed.withLock { $0 } }
}

/// Incomplete while a `(` is open.
struct ParenthesisCompleteness: InputCompletenessChecking {
    func completeness(of entry: String) -> InputCompleteness {
        let depth = entry.reduce(0) { $0 + ($1 == "(" ? 1 : $1 == ")" ? -1 : 0) }
        return depth > 0 ? .incomplete(open: "(") : .complete
    }
}

struct NoCompletions: CompletionProvider {
    func completions(for request: CompletionRequest) -> Completions { .none }
}

/// A session over scripted parts, and what it wrote.
struct ScriptedSession {
    let reader: ScriptedLineReader
    let output: BufferSink
    let errors = BufferSink()
    let interrupts: ManualInterrupts
    let host: StubHost

    init(
        _ reader: ScriptedLineReader, host: StubHost = StubHost(), interrupts: ManualInterrupts = ManualInterrupts(),
        output: BufferSink = BufferSink()
    ) {
        self.reader = reader
        self.host = host
        self.interrupts = interrupts
        self.output = output
    }

    /// Runs the session to its end and returns the exit status.
    func run(errorsAreTerminal: Bool = false) async -> Int32 {
        let console = REPLConsole(
            reader: reader, output: output, errors: errors, interrupts: interrupts,
            errorsAreTerminal: errorsAreTerminal)
        let options = REPLOptions(
            historyPath: nil, colors: false, cancelGracePeriod: .seconds(30), pager: Pager(command: Pager.defaultCommand))
        return await REPLSession(host: host, options: options, console: console).run()
    }
}
