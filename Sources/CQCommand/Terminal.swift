import CQ
import Foundation
import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the standard streams, and writing to them.
enum Terminal {
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether output to `descriptor` may be coloured, by ``CQ/ColorPolicy``: a
    /// terminal, `NO_COLOR` empty or unset, `TERM` not dumb; or forced by
    /// `FORCE_COLOR`/`CLICOLOR_FORCE`.
    static func colors(on descriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return ColorPolicy.allowsColor(isTerminal: isatty(descriptor) == 1) { environment[$0] }
    }

    /// The width tables must fit: the terminal's columns, or `COLUMNS`, or no limit when piped.
    static var outputWidth: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        guard standardOutputIsTerminal else { return nil }
        return FileDescriptorSink.standardOutput.terminalColumns ?? 80
    }

    /// Writes `text` to standard error.
    static func printError(_ text: String) {
        FileDescriptorSink.standardError.write(text)
    }
}

/// Standard output as a ``CQ/TextSink``: each write goes straight out, so
/// NDJSON rows appear as they arrive.
struct StandardOutput: CQ.TextSink {
    func write(_ text: String) async {
        FileDescriptorSink.standardOutput.write(text)
    }
}

/// Standard error as a ``CQ/TextSink``.
struct StandardError: CQ.TextSink {
    func write(_ text: String) async {
        FileDescriptorSink.standardError.write(text)
    }
}
