#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `:watch SECONDS QUERY`.
extension SessionLoop {
    /// Re-runs `query` every `interval` until Ctrl-C, clearing the screen (on a
    /// terminal) and redrawing under a header line. Stops early, with the query's
    /// status, if the very first run fails; later failures are shown and retried.
    func watch(_ query: String, every interval: Duration) async -> Int32 {
        var isFirstRun = true
        while true {
            if console.outputIsTerminal { console.output.write(ANSI.clearScreen) }
            let header = "every \(interval.intervalDescription): \(query) (Ctrl-C to stop)"
            console.output.write(header + "  " + Self.timeOfDay() + "\n\n")
            switch await runner.run({ [host] in await host.evaluate(query) }) {
            case .cancelled:
                return stopWatching()
            case .finished(let result, _, _):
                emit(result)
                if isFirstRun, result.exitStatus != ExitStatus.success { return result.exitStatus }
            }
            isFirstRun = false
            if await waitWasInterrupted(interval) { return stopWatching() }
        }
    }

    private func stopWatching() -> Int32 {
        // Wipe the `^C` the terminal echoed; the prompt comes next.
        if console.errorsAreTerminal { console.errors.write(ANSI.eraseLine) }
        return ExitStatus.success
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
