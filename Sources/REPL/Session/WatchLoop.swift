#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a query again and again: the REPL's `:watch` and `cq watch`.
///
/// On a terminal each refresh clears the screen, draws a header and the
/// result with what changed since the last refresh in reverse video. Into a
/// pipe or file each result is appended as it is, and the header goes to the
/// error output, so the output stays a clean stream (NDJSON stays NDJSON).
public struct WatchLoop: Sendable {
    /// What to watch.
    public struct Request: Sendable, Hashable {
        /// The query run at each refresh.
        public var query: String
        /// The time between the end of one run and the start of the next.
        public var interval: Duration
        /// Stop once this holds of the result (`it`); nil for until Ctrl-C.
        public var condition: String?

        /// Creates a request.
        public init(query: String, interval: Duration, condition: String? = nil) {
            self.query = query
            self.interval = interval
            self.condition = condition
        }
    }

    /// How watching ended.
    public enum Ending: Sendable, Hashable {
        /// The condition held of a result.
        case conditionHeld
        /// Ctrl-C.
        case interrupted
        /// The first run (or a condition that cannot be checked) failed with this status.
        case failed(status: Int32)
    }

    let host: any REPLHost
    let console: REPLConsole
    let options: REPLOptions

    /// A loop over `host`, writing to `console`.
    public init(host: any REPLHost, console: REPLConsole, options: REPLOptions = REPLOptions()) {
        self.host = host
        self.console = console
        self.options = options
    }

    /// Watches until the condition holds, Ctrl-C, or a failing first run.
    /// Later failures are shown and the query is run again.
    public func run(_ request: Request) async -> Ending {
        let runner = EvaluationRunner(host: host, console: console, options: options)
        var previous: String?
        var isFirstRun = true
        while true {
            let header = Self.header(request) + "  " + Self.timeOfDay() + "\n"
            if console.outputIsTerminal {
                console.output.write(ANSI.clearScreen + header + "\n")
            } else {
                console.errors.write(header)
            }
            let work: @Sendable () async -> EvaluationResult = { [host] in
                if let condition = request.condition { return await host.evaluate(request.query, until: condition) }
                return await host.evaluate(request.query)
            }
            switch await runner.run(work) {
            case .cancelled:
                return stopped()
            case .finished(let result, _, _):
                var output = result.output
                if console.outputIsTerminal, let previous, options.highlightsChanges {
                    output = ChangeHighlight.mark(output, since: previous)
                }
                SessionLoop.writeLines(output, to: console.output)
                SessionLoop.writeLines(result.errorOutput, to: console.errors)
                previous = result.output
                if isFirstRun, result.exitStatus != ExitStatus.success { return .failed(status: result.exitStatus) }
                if result.conditionHolds == true {
                    console.errors.write("Stopped: \(request.condition ?? "") holds.\n")
                    return .conditionHeld
                }
            }
            isFirstRun = false
            if await waitWasInterrupted(request.interval) { return stopped() }
        }
    }

    /// `every 5s: QUERY until CONDITION (Ctrl-C to stop)`.
    static func header(_ request: Request) -> String {
        let condition = request.condition.map { " until \($0)" } ?? ""
        return "every \(request.interval.intervalDescription): \(request.query)\(condition) (Ctrl-C to stop)"
    }

    private func stopped() -> Ending {
        // Wipe the `^C` the terminal echoed.
        if console.errorsAreTerminal { console.errors.write(ANSI.eraseLine) }
        return .interrupted
    }

    /// Sleeps for `interval`, polling for Ctrl-C; true if one arrived.
    private func waitWasInterrupted(_ interval: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: interval)
        while clock.now < deadline {
            if console.interrupts.takeInterrupt() { return true }
            let step = min(clock.now.duration(to: deadline), .milliseconds(50))
            do { try await clock.sleep(for: step) } catch { return true }
        }
        return console.interrupts.takeInterrupt()
    }

    /// The local time as `HH:MM:SS`.
    private static func timeOfDay() -> String {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return "" }
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec))"
    }
}
