import Foundation
import TestSupport

/// Starts the real `cq` on a pseudo-terminal for the REPL tests: pinned clock,
/// no colour, this scratch directory as home, cache and history.
enum CQLauncher {
    static func environment(_ scratch: Scratch, _ extra: [String: String] = [:]) -> [String: String] {
        scratch.environment(
            historyFile: scratch.historyFile,
            ["CQ_NOW": "2026-11-20T12:00:00Z", "NO_COLOR": "1", "XDG_CACHE_HOME": scratch.path + "/cache"]
                .merging(extra) { $1 })
    }

    /// `cq arguments…` (the demo by default), once its first prompt is up.
    static func launch(
        _ scratch: Scratch, arguments: [String] = ["--demo"], _ extra: [String: String] = [:],
        rows: UInt16 = 40, columns: UInt16 = 160
    ) async throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            executable: try BuiltProducts.executable(named: "cq"), arguments: arguments,
            environment: environment(scratch, extra), rows: rows, columns: columns)
        try await terminal.waitFor("> ", timeout: .seconds(10))
        return terminal
    }

    /// The single line `cq --demo -e query` prints.
    static func answer(_ query: String, _ scratch: Scratch) async throws -> String {
        let run = try await PipedRun(
            product: "cq", arguments: ["--demo", "-e", query], input: "", environment: environment(scratch))
        guard run.status == 0 else { throw PseudoTerminal.Failure(description: "cq -e \(query): \(run.errors)") }
        return run.output.trimmingCharacters(in: .newlines)
    }
}

extension PseudoTerminal {
    /// Presses Tab until `expected` appears, for names that a background
    /// lookup is still bringing in: Tab leaves the line alone while it has
    /// nothing to offer. At most `attempts` presses, each waited on briefly.
    func tab(until expected: String, attempts: Int = 40) async throws {
        for _ in 1..<attempts {
            send(Key.tab)
            if (try? await waitFor(expected, timeout: .milliseconds(250))) != nil { return }
        }
        send(Key.tab)
        try await waitFor(expected)
    }
}
