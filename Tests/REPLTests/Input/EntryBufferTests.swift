import Testing

@testable import REPL

struct EntryBufferTests {
    let checker = ParenthesisCompleteness()

    @Test func aCompleteLineIsAnEntry() {
        var buffer = EntryBuffer()
        #expect(buffer.append("echo hi   ", checker: checker) == .complete("echo hi"))
        #expect(buffer.isEmpty)
    }

    @Test func linesAccumulateUntilTheEntryIsComplete() {
        var buffer = EntryBuffer()
        #expect(buffer.append("pipelines(", checker: checker) == .needsMore(open: "("))
        #expect(buffer.open == "(")
        #expect(buffer.pendingText == "pipelines(\n")
        #expect(buffer.append("", checker: checker) == .needsMore(open: "("))
        #expect(buffer.append("\"x\")", checker: checker) == .complete("pipelines(\n\n\"x\")"))
        #expect(buffer.open == nil)
        #expect(buffer.pendingText == "")
    }

    @Test func blankLinesBetweenEntriesAreSkipped() {
        var buffer = EntryBuffer()
        #expect(buffer.append("   ", checker: checker) == .blank)
    }

    @Test func metaCommandsAreCompleteOnOneLine() {
        var buffer = EntryBuffer()
        #expect(buffer.append(":schema pipelines(", checker: checker) == .complete(":schema pipelines("))
    }

    @Test func resetAndEndOfInputEmptyTheBuffer() {
        var buffer = EntryBuffer()
        _ = buffer.append("a(", checker: checker)
        buffer.reset()
        #expect(buffer.isEmpty && buffer.open == nil)
        _ = buffer.append("b(", checker: checker)
        #expect(buffer.takeUnfinished() == "b(")
        #expect(buffer.takeUnfinished() == nil)
    }
}
