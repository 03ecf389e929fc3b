import Foundation
import TestSupport
import Testing

/// The real `cq` on a pseudo-terminal, meeting terminal habits: a pager for
/// long output, `:open` through a fake browser, and `:watch` / `cq watch`
/// redrawing with changes marked until a condition holds or Ctrl-C.
@Suite(.timeLimit(.minutes(2)))
struct CQShellConventionsTerminalTests {
    /// An executable shell script in the scratch directory.
    private func script(_ scratch: Scratch, _ name: String, _ body: String) throws -> String {
        let path = try scratch.write("#!/bin/sh\n" + body, to: name)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func longResultsGoThroughThePagerUntilItIsTurnedOff() async throws {
        let scratch = try Scratch()
        let pager = try script(scratch, "pager", "echo '<<pager'; cat; echo 'pager>>'\n")
        let terminal = try await CQLauncher.launch(scratch, ["PAGER": pager], rows: 12, columns: 100)
        let long = #"pipelines("gh/acme/api") | take 20 | select number"#
        terminal.send(long + Key.enter)
        var seen = try await terminal.waitFor("pager>>")
        #expect(seen.contains("<<pager"))
        #expect(seen.contains("(20 rows)"))
        try await terminal.waitFor("cq> ")
        // Short output is printed as it is.
        terminal.send("1 + 1" + Key.enter)
        seen = try await terminal.waitFor("cq> ")
        #expect(seen.contains("2\n") && !seen.contains("<<pager"))
        // So is help that fits; long help is paged.
        terminal.send(":help" + Key.enter)
        seen = try await terminal.waitFor("pager>>")
        #expect(seen.contains(":pager [on|off]"))
        try await terminal.waitFor("cq> ")
        terminal.send(":pager off" + Key.enter)
        try await terminal.waitFor("Pager is off.")
        try await terminal.waitFor("cq> ")
        terminal.send(long + Key.enter)
        seen = try await terminal.waitFor("(20 rows)")
        #expect(!seen.contains("<<pager"))
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func anEmptyPagerVariableTurnsPagingOff() async throws {
        let scratch = try Scratch()
        let terminal = try await CQLauncher.launch(scratch, ["PAGER": ""], rows: 12, columns: 100)
        terminal.send(":pager" + Key.enter)
        try await terminal.waitFor("No pager: CQ_PAGER or PAGER is set to the empty string.")
        terminal.send(#"pipelines("gh/acme/api") | take 20 | select number"# + Key.enter)
        try await terminal.waitFor("(20 rows)")
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    /// Piped into cq, nothing is paged, however long.
    @Test func outputThatIsNotATerminalIsNeverPaged() async throws {
        let scratch = try Scratch()
        let pager = try script(scratch, "pager", "echo '<<pager'; cat\n")
        let run = try await PipedRun(
            product: "cq", arguments: ["--demo"], input: #"pipelines("gh/acme/api") | take 40 | select number"# + "\n",
            environment: CQLauncher.environment(scratch, ["PAGER": pager]))
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("(40 rows)"))
        #expect(!run.output.contains("<<pager"))
    }

    @Test func openSendsTheRowsPagesToTheBrowser() async throws {
        let scratch = try Scratch()
        let opened = scratch.path + "/opened"
        let browser = try script(scratch, "browser", "printf '%s\\n' \"$@\" >> '\(opened)'\n")
        let terminal = try await CQLauncher.launch(scratch, ["BROWSER": browser])
        terminal.send(#":open pipelines("gh/acme/api") | take 2"# + Key.enter)
        try await terminal.waitFor("in your browser.")
        try await terminal.waitFor("cq> ")
        let pages = try #require(scratch.contents(of: opened)).split(separator: "\n")
        #expect(pages.count == 2)
        #expect(pages.allSatisfy { $0.hasPrefix("https://app.circleci.com/pipelines/github/acme/api/") })
        // `:open` alone: the pages of the last query.
        terminal.send(#"pipelines("gh/acme/api") | take 1 | jobs | take 1"# + Key.enter)
        try await terminal.waitFor("(1 row)")
        try await terminal.waitFor("cq> ")
        terminal.send(":open" + Key.enter)
        try await terminal.waitFor("in your browser.")
        try await terminal.waitFor("cq> ")
        let last = try #require(scratch.contents(of: opened)).split(separator: "\n").last ?? ""
        #expect(
            last.hasPrefix("https://app.circleci.com/pipelines/github/acme/api/") && last.contains("/jobs/"), "\(last)")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    /// Piped into cq, a program is not the REPL: `:open` is no command there,
    /// and nothing is opened. (A REPL reading lines without a terminal
    /// refuses `:open`: REPLSessionTests.openRefusesWithoutAnInteractiveReader.)
    @Test func openNeverRunsFromAPipe() async throws {
        let scratch = try Scratch()
        let opened = scratch.path + "/opened"
        let browser = try script(scratch, "browser", "echo \"$@\" >> '\(opened)'\n")
        let run = try await PipedRun(
            product: "cq", arguments: ["--demo"], input: #":open pipelines("gh/acme/api") | take 1"# + "\n",
            environment: CQLauncher.environment(scratch, ["BROWSER": browser]))
        #expect(run.status == 65)
        #expect(scratch.contents(of: opened) == nil)
    }

    @Test func watchUntilStopsWhenTheConditionHoldsAndThePromptReturns() async throws {
        let scratch = try Scratch()
        let terminal = try await CQLauncher.launch(scratch)
        terminal.send(#":watch 0.1 pipelines("gh/acme/api") | take 3 | count until it == 3"# + Key.enter)
        try await terminal.waitFor("every 0.1s: ")
        try await terminal.waitFor("Stopped: it == 3 holds.")
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    /// `cq watch` on a terminal: each run redraws the screen, what changed is
    /// in reverse video, and Ctrl-C ends it with 130. (`now()` is not pinned
    /// here, so every run's answer differs from the one before.)
    @Test func cqWatchRedrawsMarksChangesAndStopsOnControlC() async throws {
        let scratch = try Scratch()
        let environment = CQLauncher.environment(scratch).filter { $0.key != "CQ_NOW" }
        let terminal = try PseudoTerminal(
            executable: try BuiltProducts.executable(named: "cq"),
            arguments: ["watch", "--demo", "1", "{n: 1, at: now()}"], environment: environment)
        try await terminal.waitFor("every 1s: {n: 1, at: now()} (Ctrl-C to stop)")
        try await terminal.waitFor("every 1s: {n: 1, at: now()} (Ctrl-C to stop)")
        try await terminal.waitFor("at ")
        try await terminal.waitFor("\n")
        terminal.send(Key.ctrlC)
        #expect(try await terminal.waitForExit() == 130)
        // What came before the first redraw, the first run, the second (maybe a third, begun before Ctrl-C).
        let redraws = terminal.rawTranscript.components(separatedBy: "\u{1B}[H\u{1B}[2J")
        #expect(redraws.count >= 3, "at least two redraws")
        #expect(!(redraws.dropFirst().first ?? "").contains("\u{1B}[7m"), "nothing to compare the first run with")
        let second = redraws.count >= 3 ? redraws[2] : ""
        #expect(second.contains("\u{1B}[7m"), "the new time is marked: \(second.debugDescription)")
        #expect(!second.contains("\u{1B}[7m1"), "n did not change")
    }
}
