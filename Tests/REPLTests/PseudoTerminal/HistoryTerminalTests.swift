import Testing

#if canImport(Glibc)
    import Glibc
    import TestSupport
#endif

/// Persistent history through a real pseudo-terminal against REPLHarness.
@Suite(.timeLimit(.minutes(1)))
struct HistoryTerminalTests {
    /// Runs one REPLHarness session that types `entries`, then Ctrl-D.
    private func session(_ scratch: Scratch, typing entries: [String], history: Scratch.History = .scratchFile)
        async throws
    {
        let terminal = try scratch.launchHarness(history: history)
        try await terminal.waitFor("cq> ")
        for entry in entries {
            terminal.send(entry + Key.enter)
            try await terminal.waitFor("cq> ")
        }
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func historySurvivesARestartWithoutDuplicates() async throws {
        let scratch = try Scratch()
        try await session(scratch, typing: ["echo one", "echo two", "echo one"])
        #expect(scratch.permissions(of: scratch.historyFile) == 0o600)

        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        terminal.send(":history" + Key.enter)
        try await terminal.waitFor("\n  1  echo two\n  2  echo one\n  3  :history\ncq> ")
        // Up recalls the newest entry, `:history`; running it again does not add it twice.
        terminal.send(Key.up + Key.enter)
        try await terminal.waitFor("\n  1  echo two\n  2  echo one\n  3  :history\ncq> ")
        terminal.send(Key.up + Key.up + Key.enter)
        try await terminal.waitFor("\none\ncq> ")
    }

    @Test func historyFileWithWiderPermissionsIsNarrowedTo0600() async throws {
        let scratch = try Scratch()
        try await session(scratch, typing: ["echo one"])
        #expect(chmod(scratch.historyFile, 0o644) == 0)
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        #expect(scratch.permissions(of: scratch.historyFile) == 0o600)
    }

    @Test func entriesThatLookLikeSecretsAreNotWritten() async throws {
        let scratch = try Scratch()
        let token = "0123456789abcdef0123456789abcdef01234567"
        try await session(
            scratch,
            typing: [
                "echo \(token)", "echo CCIPAT_AbCdEf1234567890_xyz", "echo password=hunter2hunter2",
                "echo Circle-Token: abc", " echo leading space", "echo safe",
            ])
        let contents = try #require(scratch.contents(of: scratch.historyFile))
        #expect(contents.contains("safe"))
        for secret in [token, "CCIPAT", "hunter2", "Circle-Token", "leading"] {
            #expect(!contents.contains(secret), "history file holds \(secret)")
        }
    }

    @Test func controlRFindsAnEarlierEntry() async throws {
        let scratch = try Scratch()
        let terminal = try scratch.launchHarness()
        try await terminal.waitFor("cq> ")
        for entry in ["echo alpha one", "echo beta two", "echo gamma three"] {
            terminal.send(entry + Key.enter)
            try await terminal.waitFor("cq> ")
        }
        terminal.send(Key.ctrlR)
        try await terminal.waitFor("bck:")
        terminal.send("alp")
        // libedit redraws only what changed: `echo ` stays, `alpha one` is drawn over it.
        try await terminal.waitFor("alpha one")
        terminal.send(Key.enter)
        try await terminal.waitFor("\nalpha one\ncq> ")
    }

    @Test func defaultLocationFollowsXDGStateHome() async throws {
        let scratch = try Scratch()
        try await session(scratch, typing: ["echo located"], history: .xdgDefault)
        let file = scratch.path + "/state/cq/history"
        #expect(scratch.contents(of: file)?.contains("located") == true)
        #expect(scratch.permissions(of: file) == 0o600)
        #expect(scratch.permissions(of: scratch.path + "/state/cq") == 0o700)
    }
}
