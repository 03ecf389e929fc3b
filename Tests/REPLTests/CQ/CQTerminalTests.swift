import Foundation
import TestSupport
import Testing

/// The real `cq --demo` REPL driven through a pseudo-terminal: typing queries,
/// completing slugs, fields and enum values, Ctrl-R, history across restarts,
/// multi-line entries and Ctrl-C during a slow query.
@Suite(.timeLimit(.minutes(2)))
struct CQTerminalTests {
    private func environment(_ scratch: Scratch, _ extra: [String: String] = [:]) -> [String: String] {
        scratch.environment(
            historyFile: scratch.historyFile,
            ["CQ_NOW": "2026-11-20T12:00:00Z", "NO_COLOR": "1", "XDG_CACHE_HOME": scratch.path + "/cache"]
                .merging(extra) { $1 })
    }

    private func launch(_ scratch: Scratch, _ extra: [String: String] = [:]) async throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            executable: try BuiltProducts.executable(named: "cq"), arguments: ["--demo"],
            environment: environment(scratch, extra), rows: 40, columns: 160)
        try await terminal.waitFor("cq> ", timeout: .seconds(10))
        return terminal
    }

    /// The single value `cq --demo -e query` prints, which the REPL must print too.
    private func answer(_ query: String, _ scratch: Scratch) async throws -> String {
        let run = try await PipedRun(
            product: "cq", arguments: ["--demo", "-e", query], input: "", environment: environment(scratch))
        #expect(run.status == 0, "\(run.errors)")
        let value = run.output.trimmingCharacters(in: .newlines)
        #expect(!value.isEmpty && !value.contains("\n"), "a single value: \(run.output)")
        return value
    }

    /// Waits for `value` printed on a line of its own: after a newline, or,
    /// when the query was slow enough to draw a progress line, after that
    /// line was erased (the cleaned transcript then shows the line's last
    /// characters, its elapsed time such as `784 ms`, just before the value).
    private func waitForAnswer(_ value: String, on terminal: PseudoTerminal) async throws {
        let seen = try await terminal.waitFor(value + "\n")
        let before = seen.dropLast(value.count + 1).last
        #expect(before == "\n" || before == "s", "\(value) on a line of its own: \(seen)")
    }

    @Test func aQueryRunsAndPrintsATable() async throws {
        let scratch = try Scratch()
        let failed = try await answer(#"pipelines("gh/org/repo") | where state == "failed" | count"#, scratch)
        let terminal = try await launch(scratch)
        terminal.send(#"pipelines("gh/org/repo") | where state == "failed" | count"# + Key.enter)
        try await waitForAnswer(failed, on: terminal)
        try await terminal.waitFor("cq> ")
        terminal.send(#"pipelines("gh/acme/api") | take 2 | select number, state"# + Key.enter)
        try await terminal.waitFor("(2 rows)")
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func tabCompletesASlugAFieldAndAnEnumValue() async throws {
        let scratch = try Scratch()
        let failedJobs = try await answer(
            #"pipelines("gh/org/repo") | jobs | where status == "failed" | count"#, scratch)
        let terminal = try await launch(scratch)
        // Slugs are discovered in the background from the user's organisations.
        await terminal.drain(for: .milliseconds(500))
        terminal.send(#"pipelines("gh/org/r"# + Key.tab)
        try await terminal.waitFor(#"pipelines("gh/org/repo""#)
        terminal.send(") | jobs | where stat" + Key.tab)
        try await terminal.waitFor("where status")
        terminal.send(#" == "fai"# + Key.tab)
        try await terminal.waitFor(#"failed""#)
        terminal.send(" | count" + Key.enter)
        // The completed query runs: the failed jobs of the demo's gh/org/repo.
        try await waitForAnswer(failedJobs, on: terminal)
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func historySurvivesARestartAndCtrlRFindsAnEntry() async throws {
        let scratch = try Scratch()
        let pipelines = try await answer(#"pipelines("gh/acme/web") | count"#, scratch)
        var terminal = try await launch(scratch)
        terminal.send(#"pipelines("gh/acme/web") | count"# + Key.enter)
        try await terminal.waitFor("cq> ")
        terminal.send("1 + 41" + Key.enter)
        try await terminal.waitFor("42")
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)

        terminal = try await launch(scratch)
        terminal.send(Key.ctrlR + "acme/w")
        try await terminal.waitFor(#"pipelines("gh/acme/web") | count"#)
        terminal.send(Key.enter)
        try await waitForAnswer(pipelines, on: terminal)
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func aMultiLineQueryContinuesAndRunsWhole() async throws {
        let scratch = try Scratch()
        let failed = try await answer(#"pipelines("gh/org/repo") | where state == "failed" | count"#, scratch)
        let terminal = try await launch(scratch)
        terminal.send(#"pipelines("gh/org/repo")"# + " |" + Key.enter)
        try await terminal.waitFor("|> ")
        terminal.send(#"  where state == "failed" |"# + Key.enter)
        try await terminal.waitFor("|> ")
        terminal.send("  count" + Key.enter)
        try await waitForAnswer(failed, on: terminal)
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func ctrlCCancelsASlowQueryAndLeavesAWorkingPrompt() async throws {
        let scratch = try Scratch()
        let terminal = try await launch(scratch, ["CQ_DEMO_LATENCY_MS": "2000"])
        terminal.send(#"pipelines("gh/acme/api") | count"# + Key.enter)
        try await terminal.waitFor("request")  // the progress line appears after ~300 ms
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("cq> ", timeout: .seconds(10))
        terminal.send("1 + 1" + Key.enter)
        try await terminal.waitFor("2")
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func useSetsTheDefaultProjectShownInThePrompt() async throws {
        let scratch = try Scratch()
        let failed = try await answer(#"pipelines("gh/org/repo") | where state == "failed" | count"#, scratch)
        let terminal = try await launch(scratch)
        terminal.send(":use gh/org/repo" + Key.enter)
        try await terminal.waitFor("cq gh/org/repo> ")
        terminal.send(#"pipelines() | where state == "failed" | count"# + Key.enter)
        try await waitForAnswer(failed, on: terminal)
        // Ctrl-D only once the editor reads again: typed earlier, the terminal may take it as end of a cooked line.
        try await terminal.waitFor("cq gh/org/repo> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    /// `:help` knows every word of the language, several words included, and
    /// `:schema` shows nested fields with the paths a query writes.
    @Test func helpDescribesAKeywordAndSchemaExpandsNestedRecords() async throws {
        let scratch = try Scratch()
        let terminal = try await launch(scratch)
        terminal.send(":help select" + Key.enter)
        try await terminal.waitFor("Keeps or computes the named columns")
        try await terminal.waitFor("cq> ")
        terminal.send(":help sort by" + Key.enter)
        try await terminal.waitFor("Orders the rows by one or more keys")
        try await terminal.waitFor("cq> ")
        terminal.send(#":schema pipelines("gh/acme/api")"# + Key.enter)
        try await terminal.waitFor("trigger.actor.login")
        try await terminal.waitFor("vcs.commit.subject")
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    /// `cq -e` on a terminal draws the REPL's progress line on standard error
    /// while it waits, and erases it before the answer.
    @Test func aQueryOnATerminalShowsProgressWhileItWaits() async throws {
        let scratch = try Scratch()
        let terminal = try PseudoTerminal(
            executable: try BuiltProducts.executable(named: "cq"),
            arguments: ["--demo", "-e", #"pipelines("gh/acme/api") | take 3 | jobs | count"#],
            environment: environment(scratch, ["CQ_DEMO_LATENCY_MS": "400"]), rows: 40, columns: 160)
        try await terminal.waitFor("in flight")
        let seen = try await terminal.waitFor("\n")
        #expect(seen.contains(" s") || seen.contains("ms"), "the progress line shows the time waited: \(seen)")
        #expect(try await terminal.waitForExit(timeout: .seconds(30)) == 0)
    }
}
