import TestSupport
import Testing

/// Ctrl-C during evaluation and `:watch`, through a real pseudo-terminal.
@Suite(.timeLimit(.minutes(1)))
struct InterruptTerminalTests {
    @Test func controlCCancelsARunningQueryAndTheREPLKeepsWorking() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("sleep 30" + Key.enter)
        // The progress line appears once the query has run for a while.
        try await terminal.waitFor("1 in flight")
        let start = ContinuousClock.now
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("Cancelled.\ncq> ")
        // Far sooner than the 30 s the query would take, with room for a loaded machine.
        #expect(start.duration(to: .now) < .seconds(15))
        terminal.send("echo still here" + Key.enter)
        try await terminal.waitFor("\nstill here\ncq> ")
    }

    @Test func secondControlCStopsWaitingForAQueryThatIgnoresCancellation() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness(["REPLHARNESS_CANCEL_GRACE": "600"])
        try await terminal.waitFor("cq> ")
        terminal.send("stubborn 600" + Key.enter)
        try await terminal.waitFor("1 in flight")
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("Ctrl-C again to stop waiting")
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("Cancelled.\ncq> ")
        terminal.send("echo responsive" + Key.enter)
        try await terminal.waitFor("\nresponsive\ncq> ")
    }

    @Test func watchRedrawsUntilControlC() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send(":watch 1 count" + Key.enter)
        try await terminal.waitFor("every 1s: count (Ctrl-C to stop)")
        try await terminal.waitFor("count: 1")
        try await terminal.waitFor("every 1s: count (Ctrl-C to stop)")
        try await terminal.waitFor("count: 2")
        #expect(terminal.rawTranscript.contains("\u{1B}[2J"), "the screen is cleared before each run")
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("cq> ")
        terminal.send("echo after watch" + Key.enter)
        try await terminal.waitFor("\nafter watch\ncq> ")
    }
}
