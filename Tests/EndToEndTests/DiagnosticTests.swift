import Foundation
import Testing

/// Errors as `cq` prints them: on standard error, `file:line:col: error:`,
/// the source line, a caret under the problem, notes; exit status 65.
@Suite(.timeLimit(.minutes(3))) struct DiagnosticTests {
    private func failing(_ query: String) async throws -> CommandResult {
        let result = try await CQ.run(["--demo", "-e", query])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        return result
    }

    /// The caret line under `source` in `stderr` marks column `column` (1-based).
    private func expectCaret(_ stderr: String, under source: String, at column: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasSuffix("| " + source) }), index + 1 < lines.count else {
            Issue.record("no source line `\(source)` in:\n\(stderr)", sourceLocation: sourceLocation)
            return
        }
        let sourceLine = lines[index]
        let caretLine = lines[index + 1]
        let gutter = sourceLine.distance(from: sourceLine.startIndex, to: sourceLine.range(of: "| ")!.upperBound)
        let caret = caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) }
        #expect(caret == gutter + column - 1, "caret at column \(column):\n\(stderr)", sourceLocation: sourceLocation)
    }

    @Test func syntaxErrorPointsAtTheColumn() async throws {
        let query = #"pipelines("gh/org/repo") | where state == | jobs"#
        let result = try await failing(query)
        // Right after the `==` that has no right operand.
        #expect(result.stderr.hasPrefix("<command line>:1:42: error: expected an expression after `==`"), "\(result.stderr)")
        expectCaret(result.stderr, under: query, at: 42)
    }

    @Test func unclosedParenthesisIsReportedWhereItOpened() async throws {
        let result = try await failing(#"pipelines("gh/org/repo" | take 3"#)
        #expect(result.stderr.contains("<command line>:1:"))
        #expect(result.stderr.contains("error: expected `)`"))
        #expect(result.stderr.contains("note: unclosed `(` opened here"))
    }

    @Test func unknownFieldSuggestsTheClosestOne() async throws {
        let query = #"pipelines("gh/org/repo") | jobs | where stauts == "failed""#
        let result = try await failing(query)
        #expect(result.stderr.hasPrefix("<command line>:1:41: error: Job records have no field `stauts`"))
        #expect(result.stderr.contains("did you mean `status`?"))
        expectCaret(result.stderr, under: query, at: 41)
    }

    @Test func enumValueSuggestsTheClosestValue() async throws {
        let query = #"pipelines("gh/org/repo") | jobs | where status == "fail""#
        let result = try await failing(query)
        #expect(result.stderr.contains(#"error: `status` is never "fail""#))
        #expect(result.stderr.contains(#"did you mean "failed"?"#))
        expectCaret(result.stderr, under: query, at: 51)
    }

    @Test func severalErrorsInOneRun() async throws {
        let query = #"pipelines("gh/org/repo") | where stauts == "failed" | jobs | where status == "fail""#
        let result = try await failing(query)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("<command line>:") && $0.contains(": error: ") }
        #expect(errors.count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("did you mean `state`?"))
        #expect(result.stderr.contains(#"did you mean "failed"?"#))
    }

    @Test func scriptErrorsNameTheFileAndLine() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("report.cq", "# report\nlet slug = \"gh/org/repo\"\npipelines(slug)\n  | where stat == \"failed\"\n")
        let result = try await CQ.run(["--demo", path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(path):4:11: error: Pipeline records have no field `stat`"), "\(result.stderr)")
        expectCaret(result.stderr, under: #"  | where stat == "failed""#, at: 11)
    }

    @Test func noColourWhenPiped() async throws {
        let result = try await CQ.run(["--demo", "-e", "pipelines(1, 2, 3)"], environment: ["NO_COLOR": ""])
        #expect(result.status == 65)
        #expect(!result.stderr.contains("\u{1B}["))
    }
}
