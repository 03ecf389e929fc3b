/// The state and steps of one running session.
struct SessionLoop {
    /// What to do after an entry.
    enum Flow: Sendable, Hashable {
        /// Read the next entry; the entry ended with `status`.
        case next(status: Int32)
        /// End the session with `status`.
        case quit(status: Int32)
    }

    let host: any REPLHost
    let options: REPLOptions
    let console: REPLConsole
    /// `:time`: report elapsed time and work after each query.
    var timing = false
    /// `:pager on|off`, and the pager's command.
    var pager: Pager
    private var entry = EntryBuffer()

    init(host: any REPLHost, options: REPLOptions, console: REPLConsole) {
        self.host = host
        self.options = options
        self.console = console
        self.pager = options.pager
    }

    var runner: EvaluationRunner { EvaluationRunner(host: host, console: console, options: options) }

    mutating func run() async -> Int32 {
        let interactive = console.reader.isInteractive
        while true {
            let prompt = Prompt(name: options.programName, decoration: await host.promptDecoration(), open: entry.open)
            _ = console.interrupts.takeInterrupt()  // one pressed while output was printing
            switch await console.reader.readLine(LineRequest(prompt: prompt, pendingText: entry.pendingText)) {
            case .interrupted:
                entry.reset()
                if !interactive { return ExitStatus.interrupted }
            case .endOfInput:
                if interactive {
                    console.output.write("\n")
                    return ExitStatus.success
                }
                guard let unfinished = entry.takeUnfinished() else { return ExitStatus.success }
                return await handle(unfinished).status
            case .line(let line):
                guard case .complete(let text) = entry.append(line, checker: host.completeness) else { continue }
                console.reader.recordHistory(text)
                switch await handle(text) {
                case .quit(let status):
                    return status
                case .next(let status) where !interactive && status != ExitStatus.success:
                    return status
                case .next:
                    continue
                }
            }
        }
    }

    /// Runs a complete entry: a meta command or a query.
    mutating func handle(_ text: String) async -> Flow {
        guard text.drop(while: \.isWhitespace).first == ":" else { return .next(status: await runQuery(text)) }
        switch MetaCommand.parse(text) {
        case .success(let command):
            return await perform(command)
        case .failure(let error):
            console.errors.write(error.message + "\n")
            return .next(status: ExitStatus.usage)
        }
    }

    /// Evaluates a query, with progress, Ctrl-C and `:time`.
    func runQuery(_ query: String) async -> Int32 {
        await runTimed { [host] in await host.evaluate(query) }
    }

    /// Runs host work through the runner, prints its result and, with `:time`, the timing.
    func runTimed(_ work: @escaping @Sendable () async -> EvaluationResult) async -> Int32 {
        switch await runner.run(work) {
        case .cancelled:
            reportCancelled()
            return ExitStatus.interrupted
        case .finished(let result, let elapsed, let work):
            emit(result)
            if timing {
                Self.writeLines(result.statistics ?? ProgressLine.timing(elapsed: elapsed, work: work), to: console.errors)
            }
            return result.exitStatus
        }
    }

    /// Prints a result: output on standard output (through the pager when
    /// it is longer than the screen), diagnostics on standard error.
    func emit(_ result: EvaluationResult) {
        show(result.output)
        Self.writeLines(result.errorOutput, to: console.errors)
    }

    /// Writes `text` to the output, adding a final newline if it lacks one;
    /// on a terminal, through the pager when it does not fit the screen.
    func show(_ text: String) {
        guard !text.isEmpty else { return }
        let text = text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n"
        if console.outputIsTerminal,
            pager.shouldPage(text, rows: console.output.terminalRows, columns: console.output.terminalColumns),
            pager.page(text)
        {
            return
        }
        console.output.write(text)
    }

    func reportCancelled() {
        // On a terminal this also wipes the `^C` the terminal echoed.
        console.errors.write((console.errorsAreTerminal ? ANSI.eraseLine : "") + "Cancelled.\n")
    }

    /// Writes `text`, adding a final newline if it lacks one.
    static func writeLines(_ text: String, to sink: any TextSink) {
        guard !text.isEmpty else { return }
        sink.write(text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n")
    }
}

extension SessionLoop.Flow {
    /// The status of the entry that led here.
    var status: Int32 {
        switch self {
        case .next(let status), .quit(let status): status
        }
    }
}
