import CQ
import CircleCI
import Foundation
import REPL
import Synchronization

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

    /// Writes `text` to standard error, without the configured token.
    static func printError(_ text: String) {
        FileDescriptorSink.standardError.write(redacted(text))
    }

    /// What every message passes through before it is printed: it removes the
    /// configured token (and its encodings), whatever the message came from.
    private static let messageRedactor = Mutex(TokenRedactor.none)

    /// Redacts `redactor`'s token from every message cq prints from now on.
    static func redactMessages(with redactor: TokenRedactor) {
        messageRedactor.withLock { $0 = redactor }
    }

    /// `text` without the configured token.
    static func redacted(_ text: String) -> String {
        messageRedactor.withLock { $0 }.redact(text)
    }
}

/// Standard output as a ``CQ/TextSink``: each write goes straight out, so
/// NDJSON rows appear as they arrive.
struct StandardOutput: CQ.TextSink {
    func write(_ text: String) async {
        FileDescriptorSink.standardOutput.write(text)
    }
}

/// Standard error as a ``CQ/TextSink``, without the configured token.
struct StandardError: CQ.TextSink {
    func write(_ text: String) async {
        Terminal.printError(text)
    }
}
