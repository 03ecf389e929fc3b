import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
    import TestSupport
#endif

/// Tab in the real `cq` REPL, through a pseudo-terminal: stages that fit the
/// rows after `|`, and branch, workflow and job names looked up in the
/// background and kept in the cache file.
@Suite(.timeLimit(.minutes(2)))
struct CQCompletionTerminalTests {
    @Test func tabAfterAPipeOffersOnlyStagesThatTakeTheRows() async throws {
        let scratch = try Scratch()
        let terminal = try await CQLauncher.launch(scratch)
        // `tests` takes Job rows: after jobs it completes…
        terminal.send(#"pipelines("gh/acme/api") | take 1 | jobs | tes"# + Key.tab)
        try await terminal.waitFor("| jobs | tests ")
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("cq> ")
        // …after pipelines Tab has nothing to offer, so the line runs as typed.
        terminal.send(#"pipelines("gh/acme/api") | tes"# + Key.tab + Key.enter)
        try await terminal.waitFor("| tes\n")
        try await terminal.waitFor("error:")
        try await terminal.waitFor("cq> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func tabCompletesBranchWorkflowAndJobNamesOfTheDemoProject() async throws {
        let scratch = try Scratch()
        let runs = try await CQLauncher.answer(
            #"runs("gh/acme/api", "build-and-test", branch: "feature/billing-v2") | count"#, scratch)
        let terminal = try await CQLauncher.launch(scratch)
        // `:use` starts the lookup of the project's names.
        terminal.send(":use gh/acme/api" + Key.enter)
        try await terminal.waitFor("cq gh/acme/api> ")
        terminal.send(#"runs("gh/acme/api", "build-a"#)
        try await terminal.tab(until: #""build-and-test""#)
        terminal.send(#", branch: "feature/bi"# + Key.tab)
        try await terminal.waitFor(#"branch: "feature/billing-v2""#)
        terminal.send(") | count" + Key.enter)
        try await terminal.waitFor(runs + "\n")
        try await terminal.waitFor("cq gh/acme/api> ")
        // Job names after `where name ==` on Job rows, in the default project.
        terminal.send(#"pipelines() | jobs | where name == "deploy-p"# + Key.tab)
        try await terminal.waitFor(#"where name == "deploy-production""#)
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("cq gh/acme/api> ")
        // The jobs of the workflow the call names.
        terminal.send(#"job_metrics("gh/acme/api", "deploy", job: "pa"# + Key.tab)
        try await terminal.waitFor(#"job: "package""#)
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("cq gh/acme/api> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
        // The demo's names are not the user's: nothing is written.
        #expect(scratch.contents(of: scratch.path + "/cache/cq/project-slugs") == nil)
    }

    /// Against a real host (the simulator over HTTP), what the lookup found
    /// is kept in the cache file, owner-only, and served by the next session
    /// at once, even when the host cannot be reached.
    @Test func namesAreKeptInTheCacheFileAndServedWithoutTheNetwork() async throws {
        let scratch = try Scratch()
        let (server, environment) = try await Self.simulator(scratch)
        let token = try #require(environment["CIRCLECI_TOKEN"])
        // A file of an earlier version: one slug a line, readable by all.
        try FileManager.default.createDirectory(atPath: scratch.path + "/cache/cq", withIntermediateDirectories: true)
        try scratch.write("gh/legacy/thing\n", to: "cache/cq/project-slugs")
        var terminal = try await CQLauncher.launch(scratch, arguments: [], environment)
        terminal.send(#"runs("gh/acme/api", "nigh"#)
        try await terminal.tab(until: #""nightly""#)
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
        server.terminate()

        let file = scratch.path + "/cache/cq/project-slugs"
        #expect(scratch.permissions(of: file) == 0o600)
        let text = try #require(scratch.contents(of: file))
        #expect(text.contains("gh/acme/api\tworkflow\tnightly\n"))
        #expect(text.contains("gh/acme/api\tbranch\tmain\n"))
        #expect(!text.contains(token))
        #expect(text.contains("gh/legacy/thing\n"))

        // The host is gone: the names come from the file, on the first Tab.
        terminal = try await CQLauncher.launch(scratch, arguments: [], environment)
        terminal.send(#"pipelines("gh/acme/api", branch: "ma"# + Key.tab)
        try await terminal.waitFor(#"branch: "main""#)
        terminal.send(Key.ctrlC)
        try await terminal.waitFor("> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
        // The lookups that failed (nothing listens any more) said nothing.
        #expect(
            !terminal.transcript.contains("error") && !terminal.transcript.contains("warning"), "\(terminal.transcript)"
        )
    }

    /// `cq simulator` serving over HTTP, and the environment that points cq at it.
    private static func simulator(_ scratch: Scratch) async throws -> (PseudoTerminal, [String: String]) {
        let server = try PseudoTerminal(
            executable: try BuiltProducts.executable(named: "cq"), arguments: ["simulator"],
            environment: CQLauncher.environment(scratch))
        try await server.waitFor("export CIRCLECI_HOST=")
        let host = try await server.waitFor("\n").trimmingCharacters(in: .whitespacesAndNewlines)
        try await server.waitFor("export CIRCLECI_TOKEN=")
        let token = try await server.waitFor("\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (server, ["CIRCLECI_TOKEN": token, "CIRCLECI_HOST": host])
    }

    /// A mistyped slug answers 404: completion offers it for the rest of the
    /// session, but the cache file keeps only the slugs that answered.
    @Test func onlySlugsThatAnsweredAreKeptInTheCacheFile() async throws {
        let scratch = try Scratch()
        let (server, environment) = try await Self.simulator(scratch)
        let terminal = try await CQLauncher.launch(scratch, arguments: [], environment)
        terminal.send(#"pipelines("gh/acme/apii") | count"# + Key.enter)
        try await terminal.waitFor("error:")
        try await terminal.waitFor("> ")
        terminal.send(#"pipelines("gh/acme/web") | take 1 | count"# + Key.enter)
        try await terminal.waitFor("1\n")
        try await terminal.waitFor("> ")
        terminal.send(Key.ctrlD)
        #expect(try await terminal.waitForExit() == 0)
        server.terminate()

        let file = scratch.path + "/cache/cq/project-slugs"
        #expect(scratch.permissions(of: file) == 0o600)
        let text = try #require(scratch.contents(of: file))
        #expect(text.contains("gh/acme/web\n"))
        #expect(!text.contains("gh/acme/apii"), "\(text)")
    }
}
