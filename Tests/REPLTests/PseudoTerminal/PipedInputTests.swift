import Testing

/// REPLHarness with standard input on a pipe: no editor, no prompts, no history.
@Suite(.timeLimit(.minutes(1)))
struct PipedInputTests {
    @Test func pipedLinesAreEvaluatedWithoutPrompts() async throws {
        let scratch = try Scratch()
        let run = try await PipedRun(input: "echo one\n\necho (two\nthree)\necho last", environment: scratch.environment())
        #expect(run.status == 0)
        #expect(run.output == "one\n(two\nthree)\nlast\n")
        #expect(run.errors == "")
    }

    @Test func pipedInputStopsAtTheFirstFailure() async throws {
        let scratch = try Scratch()
        let run = try await PipedRun(input: "echo before\nfail boom\necho after\n", environment: scratch.environment())
        #expect(run.status == 65)
        #expect(run.output == "before\n")
        #expect(run.errors == "error: boom\n")
    }

    @Test func pipedInputWritesNoHistory() async throws {
        let scratch = try Scratch()
        let run = try await PipedRun(
            input: "echo private\n", environment: scratch.environment(historyFile: scratch.historyFile))
        #expect(run.status == 0)
        #expect(scratch.contents(of: scratch.historyFile) == nil)
    }

    @Test func badMetaCommandInAPipeExitsWithUsageStatus() async throws {
        let scratch = try Scratch()
        let run = try await PipedRun(input: ":format xml\necho never\n", environment: scratch.environment())
        #expect(run.status == 64)
        #expect(run.output == "")
        #expect(run.errors.contains("unknown format `xml`"))
    }
}
