import Foundation
import Synchronization
import TestSupport

/// A temporary home directory for one test, removed when the test ends.
final class Scratch {
    let path: String

    init() throws {
        var template = Array("/tmp/cq-repl-tests-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw PseudoTerminal.Failure(description: "mkdtemp failed: errno \(errno)")
        }
        path = String(cString: created)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The history file tests point `CQ_HISTORY_FILE` at.
    var historyFile: String { path + "/history" }

    /// The environment REPLHarness runs with: this directory as HOME and
    /// XDG_STATE_HOME's parent, a UTF-8 locale, a capable terminal.
    func environment(historyFile: String? = nil, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": path,
            "XDG_STATE_HOME": path + "/state",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PATH": "/usr/bin:/bin",
        ]
        environment["CQ_HISTORY_FILE"] = historyFile
        return environment.merging(extra) { $1 }
    }

    /// Where a launched REPLHarness keeps its history.
    enum History {
        /// `CQ_HISTORY_FILE` points at ``Scratch/historyFile``.
        case scratchFile
        /// No `CQ_HISTORY_FILE`: the XDG default under this directory's `state`.
        case xdgDefault
    }

    /// Starts REPLHarness on a pseudo-terminal.
    func launchHarness(history: History = .scratchFile, _ extra: [String: String] = [:]) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: try BuiltProducts.executable(named: "REPLHarness"),
            environment: environment(historyFile: history == .scratchFile ? historyFile : nil, extra))
    }

    /// The permission bits of `path`, or nil if it does not exist.
    func permissions(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o777)
    }

    /// The contents of `path`, or nil if it cannot be read.
    func contents(of path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes ``historyFile`` with `entries` distinct two-line entries, in
    /// libedit's format, and returns its path.
    @discardableResult
    func writeHistoryFile(entries: Int) throws -> String {
        let lines = (0..<entries).map {
            "pipelines(\"gh/acme/api\")\\040|\\040where\\040number\\040==\\040\($0)\\012|\\040jobs"
        }
        return try write("_HiStOrY_V2_\n" + lines.joined(separator: "\n") + "\n", to: "history")
    }

    /// Writes `text` to `name` inside this directory and returns the path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// The output of REPLHarness (or another built product) run with piped standard input.
struct PipedRun {
    let status: Int32
    let output: String
    let errors: String

    /// Runs the built `product` (REPLHarness by default) with `arguments` and
    /// `input` on a pipe, and waits for it to exit, killing it after `timeout`.
    ///
    /// The blocking reads and the wait run on threads of their own, not on
    /// Swift's cooperative pool: blocking one of its few threads starves the
    /// tests running beside this one.
    init(
        product: String = "REPLHarness", arguments: [String] = [], input: String, environment: [String: String],
        timeout: Duration = .seconds(30)
    ) async throws {
        let executable = try BuiltProducts.executable(named: product)
        self = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try Self.blockingRun(
                            executable, arguments: arguments, input: input, environment: environment, timeout: timeout)
                    })
            }
        }
    }

    private init(status: Int32, output: Data, errors: Data) {
        self.status = status
        self.output = String(decoding: output, as: UTF8.self)
        self.errors = String(decoding: errors, as: UTF8.self)
    }

    private static func blockingRun(
        _ executable: String, arguments: [String], input: String, environment: [String: String], timeout: Duration
    ) throws -> PipedRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Both pipes are drained at once, so a full one never blocks the child.
        let collected = Mutex((output: Data(), errors: Data()))
        let drained = DispatchGroup()
        for (handle, isOutput) in [(stdout.fileHandleForReading, true), (stderr.fileHandleForReading, false)] {
            drained.enter()
            Thread.detachNewThread {
                let data = handle.readDataToEndOfFile()
                collected.withLock { if isOutput { $0.output = data } else { $0.errors = data } }
                drained.leave()
            }
        }
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if exited.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw PseudoTerminal.Failure(description: "\(executable) did not exit within \(timeout)")
        }
        guard drained.wait(timeout: .now() + 10) == .success else {
            throw PseudoTerminal.Failure(description: "\(executable) exited but its output never ended")
        }
        let (output, errors) = collected.withLock { ($0.output, $0.errors) }
        return PipedRun(status: process.terminationStatus, output: output, errors: errors)
    }
}
