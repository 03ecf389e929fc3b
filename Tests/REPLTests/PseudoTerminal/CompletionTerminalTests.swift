import TestSupport
import Testing

/// Tab completion through a real pseudo-terminal against REPLHarness.
@Suite(.timeLimit(.minutes(1)))
struct CompletionTerminalTests {
    @Test func tabCompletesAUniqueWordWithItsSuffix() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo wh" + Key.tab)
        try await terminal.waitFor("echo where ")
        terminal.send("now" + Key.enter)
        try await terminal.waitFor("\nwhere now\ncq> ")
    }

    @Test func tabCompletesNonASCIIWords() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo caf" + Key.tab + Key.enter)
        try await terminal.waitFor("\ncafé\ncq> ")
    }

    @Test func tabCompletesAProjectSlugInsidePipelines() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo pipelines(\"gh/ac" + Key.tab)
        // Several slugs match: their common prefix is inserted and they are listed.
        let listing = try await terminal.waitFor("gh/acme/worker")
        #expect(listing.contains("gh/acme/api"))
        #expect(listing.contains("gh/acme/web"))
        #expect(!listing.contains("bb/other/thing"))
        try await terminal.waitFor("cq> echo pipelines(\"gh/acme/")
        terminal.send("a" + Key.tab)
        try await terminal.waitFor("pi\")")
        terminal.send(Key.enter)
        try await terminal.waitFor("\npipelines(\"gh/acme/api\")\ncq> ")
    }

    @Test func severalCandidatesAreListedInColumns() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo s" + Key.tab)
        try await terminal.waitFor("select  state   status  sleep\ncq> echo s")
        terminal.send("tat" + Key.tab)
        try await terminal.waitFor("state   status\ncq> echo stat")
        terminal.send("u" + Key.tab + Key.enter)
        try await terminal.waitFor("\nstatus\ncq> ")
    }

    @Test func tabCompletesMetaCommandsAndTheirArguments() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send(":fo" + Key.tab)
        try await terminal.waitFor(":format ")
        terminal.send("nd" + Key.tab + Key.enter)
        try await terminal.waitFor("Output format is ndjson.\ncq> ")
    }

    @Test func tabWithNoCandidateLeavesTheLineAlone() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send("echo zzz" + Key.tab + Key.enter)
        try await terminal.waitFor("\nzzz\ncq> ")
    }
}
