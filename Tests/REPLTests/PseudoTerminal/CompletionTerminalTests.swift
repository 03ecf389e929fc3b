import Testing

/// Tab completion through a real pseudo-terminal against REPLHarness.
@Suite(.timeLimit(.minutes(1)))
struct CompletionTerminalTests {
    @Test func tabCompletesAUniqueWordWithItsSuffix() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try terminal.waitFor("cq> ")
        terminal.send("echo wh" + Key.tab)
        try terminal.waitFor("echo where ")
        terminal.send("now" + Key.enter)
        try terminal.waitFor("\nwhere now\ncq> ")
    }

    @Test func tabCompletesNonASCIIWords() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try terminal.waitFor("cq> ")
        terminal.send("echo caf" + Key.tab + Key.enter)
        try terminal.waitFor("\ncafé\ncq> ")
    }

    @Test func tabCompletesAProjectSlugInsidePipelines() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try terminal.waitFor("cq> ")
        terminal.send("echo pipelines(\"gh/ac" + Key.tab)
        // Several slugs match: their common prefix is inserted and they are listed.
        let listing = try terminal.waitFor("gh/acme/worker")
        #expect(listing.contains("gh/acme/api"))
        #expect(listing.contains("gh/acme/web"))
        #expect(!listing.contains("bb/other/thing"))
        try terminal.waitFor("cq> echo pipelines(\"gh/acme/")
        terminal.send("a" + Key.tab)
        try terminal.waitFor("pi\")")
        terminal.send(Key.enter)
        try terminal.waitFor("\npipelines(\"gh/acme/api\")\ncq> ")
    }

    @Test func severalCandidatesAreListedInColumns() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try terminal.waitFor("cq> ")
        terminal.send("echo s" + Key.tab)
        try terminal.waitFor("select  state   status  sleep\ncq> echo s")
        terminal.send("tat" + Key.tab)
        try terminal.waitFor("state   status\ncq> echo stat")
        terminal.send("u" + Key.tab + Key.enter)
        try terminal.waitFor("\nstatus\ncq> ")
    }

    @Test func tabCompletesMetaCommandsAndTheirArguments() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try terminal.waitFor("cq> ")
        terminal.send(":fo" + Key.tab)
        try terminal.waitFor(":format ")
        terminal.send("nd" + Key.tab + Key.enter)
        try terminal.waitFor("Output format is ndjson.\ncq> ")
    }

    @Test func tabWithNoCandidateLeavesTheLineAlone() throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try terminal.waitFor("cq> ")
        terminal.send("echo zzz" + Key.tab + Key.enter)
        try terminal.waitFor("\nzzz\ncq> ")
    }
}
