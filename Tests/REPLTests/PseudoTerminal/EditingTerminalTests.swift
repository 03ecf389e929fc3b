import TestSupport
import Testing

/// Line editing through a real pseudo-terminal against REPLHarness.
@Suite(.timeLimit(.minutes(1)))
struct EditingTerminalTests {
    @Test func typedQueryPrintsItsOutput() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo hello world" + Key.enter)
        try await terminal.waitFor("\nhello world\ncq> ")
    }

    @Test func controlDOnAnEmptyLineExitsWithStatusZero() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func controlCWhileEditingDiscardsTheLine() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo discarded")
        try await terminal.waitFor("echo discarded")
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("^C\ncq> ")
        terminal.send("echo kept" + Key.enter)
        let output = try await terminal.waitFor("cq> ")
        #expect(output.contains("\nkept\n"))
        #expect(!output.contains("discarded"))
    }

    @Test func controlCDuringAContinuationDropsTheWholeEntry() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo (unfinished" + Key.enter)
        try await terminal.waitFor("cq(> ")
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("^C\ncq> ")
        terminal.send("echo fresh" + Key.enter)
        let output = try await terminal.waitFor("cq> ")
        #expect(output.contains("\nfresh\n"))
        #expect(!output.contains("unfinished"))
    }

    @Test func utf8InputRoundTrips() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo café ☕ 日本" + Key.enter)
        try await terminal.waitFor("\ncafé ☕ 日本\ncq> ")
    }

    @Test(arguments: [
        (opening: "echo (first", closing: "second)", prompt: "cq(> "),
        (opening: "echo \"first", closing: "second\"", prompt: "cq\"> "),
        (opening: "echo first |", closing: "second", prompt: "cq|> "),
    ])
    func continuationPromptNamesWhatIsOpen(opening: String, closing: String, prompt: String) async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send(opening + Key.enter)
        try await terminal.waitFor(prompt)
        terminal.send(closing + Key.enter)
        let expected = String(opening.dropFirst("echo ".count)) + "\n" + closing
        try await terminal.waitFor("\n" + expected + "\ncq> ")
    }

    @Test func multiLineEntryIsRecalledWhole() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo (first" + Key.enter)
        try await terminal.waitFor("cq(> ")
        terminal.send("second)" + Key.enter)
        try await terminal.waitFor("\n(first\nsecond)\ncq> ")
        terminal.send(Key.up)
        try await terminal.waitFor("second)")
        terminal.send(Key.enter)
        try await terminal.waitFor("\n(first\nsecond)\ncq> ")
        terminal.send(":history" + Key.enter)
        // One entry for the two lines (recalled and run twice), then `:history` itself.
        try await terminal.waitFor("  1  echo (first\n     second)\n  2  :history\ncq> ")
    }

    @Test func unknownMetaCommandSuggestsTheClosestOne() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send(":foo" + Key.enter)
        try await terminal.waitFor("unknown command `:foo`; did you mean `:format`?\ncq> ")
        terminal.send(":fromat json" + Key.enter)
        try await terminal.waitFor("unknown command `:fromat`; did you mean `:format`?\ncq> ")
    }

    @Test func useDecoratesThePrompt() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send(":use gh/acme/api" + Key.enter)
        try await terminal.waitFor("Default project is gh/acme/api.\ncq gh/acme/api> ")
    }

    @Test func userEditrcIsHonoured() async throws {
        let scratch = try Scratch()
        try scratch.write("cq:bind -s ^X \"echo from editrc\"\n", to: ".editrc")
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("\u{18}" + Key.enter)
        try await terminal.waitFor("\nfrom editrc\ncq> ")
    }

    @Test func firstPromptAppearsQuicklyEvenWithAFullHistory() async throws {
        let scratch = try Scratch()
        try scratch.writeHistoryFile(entries: 1000)
        let start = ContinuousClock.now
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        let elapsed = start.duration(to: .now)
        // The budget is 150 ms; this bound only catches gross regressions (such as
        // network access before the prompt), with room for a loaded 2-core machine.
        #expect(elapsed < .seconds(10), "first prompt after \(elapsed)")
    }
}
