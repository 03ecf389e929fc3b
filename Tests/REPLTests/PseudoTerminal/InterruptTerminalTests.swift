import Testing

/// Ctrl-C during evaluation and `:watch`, through a real pseudo-terminal.
@Suite(.timeLimit(.minutes(1)))
struct InterruptTerminalTests {
    @Test func controlCCancelsARunningQueryAndTheREPLKeepsWorking() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try terminal.waitFor("cq> ")
        terminal.send("sleep 30" + Key.enter)
        // The progress line appears once the query has run for a while.
        try terminal.waitFor("1 in flight")
        let start = ContinuousClock.now
        terminal.send(Key.ctrlC)
        try terminal.waitFor("Cancelled.\ncq> ")
        #expect(start.duration(to: .now) < .seconds(5))
        terminal.send("echo still here" + Key.enter)
        try terminal.waitFor("\nstill here\ncq> ")
    }

    @Test func secondControlCStopsWaitingForAQueryThatIgnoresCancellation() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness(["REPLHARNESS_CANCEL_GRACE": "600"])
        try terminal.waitFor("cq> ")
        terminal.send("stubborn 600" + Key.enter)
        try terminal.waitFor("1 in flight")
        terminal.send(Key.ctrlC)
        try terminal.waitFor("Ctrl-C again to stop waiting")
        terminal.send(Key.ctrlC)
        try terminal.waitFor("Cancelled.\ncq> ")
        terminal.send("echo responsive" + Key.enter)
        try terminal.waitFor("\nresponsive\ncq> ")
    }

    @Test func watchRedrawsUntilControlC() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try terminal.waitFor("cq> ")
        terminal.send(":watch 1 count" + Key.enter)
        try terminal.waitFor("every 1s: count (Ctrl-C to stop)")
        try terminal.waitFor("count: 1")
        try terminal.waitFor("every 1s: count (Ctrl-C to stop)")
        try terminal.waitFor("count: 2")
        #expect(terminal.rawTranscript.contains("\u{1B}[2J"), "the screen is cleared before each run")
        terminal.send(Key.ctrlC)
        try terminal.waitFor("cq> ")
        terminal.send("echo after watch" + Key.enter)
        try terminal.waitFor("\nafter watch\ncq> ")
    }
}
