import Foundation

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

/// The output of REPLHarness run with piped standard input.
struct PipedRun {
    let status: Int32
    let output: String
    let errors: String

    /// Runs REPLHarness with `input` on a pipe and waits for it to exit.
    init(input: String, environment: [String: String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable(named: "REPLHarness"))
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        self.status = process.terminationStatus
        self.output = String(decoding: output, as: UTF8.self)
        self.errors = String(decoding: errors, as: UTF8.self)
    }
}
