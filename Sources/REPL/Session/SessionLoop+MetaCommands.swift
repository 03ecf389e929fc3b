/// Carrying out meta commands.
extension SessionLoop {
    mutating func perform(_ command: MetaCommand) async -> Flow {
        switch command {
        case .quit:
            return .quit(status: ExitStatus.success)
        case .help(let topic):
            return .next(status: await help(topic))
        case .time(let setting):
            timing = setting ?? !timing
            console.output.write("Timing is \(timing ? "on" : "off").\n")
            return .next(status: ExitStatus.success)
        case .history(let limit):
            showHistory(last: limit)
            return .next(status: ExitStatus.success)
        case .watch(let interval, let query, let condition):
            let request = WatchLoop.Request(query: query, interval: interval, condition: condition)
            switch await WatchLoop(host: host, console: console, options: options).run(request) {
            case .conditionHeld, .interrupted: return .next(status: ExitStatus.success)
            case .failed(let status): return .next(status: status)
            }
        case .pager(let setting):
            if let setting { pager.isOn = setting }
            console.output.write(pagerDescription)
            return .next(status: ExitStatus.success)
        case .host(.open) where !console.reader.isInteractive:
            // Pages open only for someone at the keyboard, never from a script fed to cq.
            console.errors.write("`:open` opens web pages only in an interactive session; use `cq --web -e QUERY`\n")
            return .next(status: ExitStatus.usage)
        case .host(let hostCommand):
            return .next(status: await runHostCommand(hostCommand))
        }
    }

    private func runHostCommand(_ command: HostCommand) async -> Int32 {
        switch command {
        case .load(let path):
            let resolved = Self.expandingTilde(in: path)
            return await runTimed { [host] in await host.perform(.load(path: resolved)) }
        default:
            return await runUntimed { [host] in await host.perform(command) }
        }
    }

    /// Like ``runTimed(_:)`` without the `:time` line, for commands that are not queries.
    private func runUntimed(_ work: @escaping @Sendable () async -> EvaluationResult) async -> Int32 {
        switch await runner.run(work) {
        case .cancelled:
            reportCancelled()
            return ExitStatus.interrupted
        case .finished(let result, _, _):
            emit(result)
            return result.exitStatus
        }
    }

    /// What `:pager` says.
    private var pagerDescription: String {
        guard let command = pager.command else {
            return "No pager: CQ_PAGER or PAGER is set to the empty string.\n"
        }
        return pager.isOn ? "Pager is on: \(command) (for output longer than the screen).\n" : "Pager is off.\n"
    }

    /// `:help` lists the meta commands (and whatever the host adds); `:help NAME`
    /// describes a meta command, or asks the host about anything else.
    private func help(_ topic: String?) async -> Int32 {
        guard let topic else {
            switch await runner.run({ [host] in await host.perform(.help(topic: nil)) }) {
            case .cancelled:
                reportCancelled()
                return ExitStatus.interrupted
            case .finished(var result, _, _):
                result.output = HelpText.overview + result.output
                emit(result)
                return result.exitStatus
            }
        }
        let name = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        if let spec = MetaCommandSpec.named(name) {
            console.output.write(HelpText.describe(spec))
            return ExitStatus.success
        }
        if topic.hasPrefix(":") {
            console.errors.write(MetaCommand.parse(topic).failureMessage ?? "unknown command `\(topic)`\n")
            return ExitStatus.usage
        }
        return await runUntimed { [host] in await host.perform(.help(topic: topic)) }
    }

    /// `:history [N]`: numbered entries, continuation lines indented under the first.
    private func showHistory(last limit: Int?) {
        let entries = console.reader.historyEntries()
        guard !entries.isEmpty else {
            console.output.write("History is empty.\n")
            return
        }
        let first = max(0, entries.count - (limit ?? entries.count))
        let width = String(entries.count).count
        var text = ""
        for (index, entry) in entries.enumerated().dropFirst(first) {
            let number = String(index + 1)
            let margin = String(repeating: " ", count: width - number.count + 2)
            let indent = String(repeating: " ", count: width + 4)
            text += margin + number + "  " + entry.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n" + indent) + "\n"
        }
        show(text)
    }

    /// `~/x` becomes `$HOME/x`, as a shell user expects of `:load ~/q.cq`.
    static func expandingTilde(in path: String) -> String {
        guard path.hasPrefix("~/"), let home = HistoryLocation.processEnvironment("HOME") else { return path }
        return home + path.dropFirst()
    }
}

extension Result where Failure == MetaCommandError {
    /// The error message with a newline, or nil on success.
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message + "\n" }
        return nil
    }
}
