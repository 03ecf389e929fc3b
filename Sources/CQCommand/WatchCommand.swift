import ArgumentParser
import CQ
import Foundation
import REPL

/// `cq watch SECONDS QUERY [--until CONDITION]`: the REPL's `:watch` from the shell.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run a query every SECONDS seconds until a condition holds of its result, or Ctrl-C.",
        discussion: """
            On a terminal each run redraws the screen and marks in reverse video what changed since the \
            last one; into a pipe or a file each result is appended and the header line goes to standard \
            error. The condition sees the result as `it`, and a record's fields by name. Exit status: 0 \
            once the condition holds, 130 after Ctrl-C, the query's own if its first run fails.
            Examples:
              cq watch 30 'pipelines("gh/acme/api") | take 5 | select number, state' \\
                --until 'all(it, p => p.state != "running")'
              cq watch 10 'pipeline("gh/acme/api", 1245) until state != "running"'
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Seconds from the end of one run to the start of the next (0.1 to 86400).")
    var seconds: Double

    @Argument(help: "The query; `QUERY until CONDITION` works as --until does.")
    var query: String

    @Option(name: .long, help: ArgumentHelp("Stop once CONDITION holds of the result (`it`).", valueName: "condition"))
    var until: String?

    func validate() throws {
        guard seconds.isFinite, (0.1...86_400).contains(seconds) else {
            throw ValidationError("SECONDS must be between 0.1 and 86400")
        }
    }

    func run() async throws {
        let (text, inline) = WatchCondition.split(query)
        let condition = until ?? inline
        if let condition, condition.isEmpty { throw ValidationError("`until` needs a condition, e.g. `until it == 0`") }
        let status: ExitStatus
        do {
            status = try await watch(text, until: condition)
        } catch let failure as CommandFailure {
            Terminal.printError("cq: \(failure.message)\n")
            status = failure.status
        }
        if status != .success { throw status.exitCode }
    }

    private func watch(_ text: String, until condition: String?) async throws -> ExitStatus {
        let services = try await Services.make(options)
        var runner = QueryRunner(engine: try services.engine(options), services: services, format: options.format)
        runner.renderer.colored = Terminal.colors(on: STDOUT_FILENO)
        let variables = try options.variables()
        let host = CQREPLHost(
            runner: runner, services: services, format: options.format, environment: Environment(variables: variables),
            bindings: Checker.Bindings(variables: variables.mapValues { _ in .any }))
        await host.useColors(Terminal.colors(on: STDOUT_FILENO))
        let console = REPLConsole(
            reader: PlainLineReader(), output: FileDescriptorSink.standardOutput, errors: FileDescriptorSink.standardError,
            interrupts: SignalInterrupts(), outputIsTerminal: Terminal.standardOutputIsTerminal,
            errorsAreTerminal: Terminal.standardErrorIsTerminal)
        console.interrupts.activate()
        defer { console.interrupts.deactivate() }
        let interval = Duration.milliseconds(Int64((seconds * 1000).rounded()))
        let request = WatchLoop.Request(query: text, interval: interval, condition: condition)
        switch await WatchLoop(host: host, console: console).run(request) {
        case .conditionHeld: return .success
        case .interrupted: return .interrupted
        case .failed(let status): return ExitStatus(rawValue: status) ?? .software
        }
    }
}
