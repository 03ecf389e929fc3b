import CQ
import Testing

/// However many problems an input has and however long its lines are, the
/// report stays short: the first few problems, each with a window of its line.
@Suite struct DiagnosticVolumeTests {
    private func report(_ text: String) -> (shown: String, problems: Int) {
        let source = SourceFile(name: "input.cq", text: text)
        let diagnostics = Parser.parse(source).diagnostics
        return (DiagnosticRenderer().render(diagnostics, in: source), diagnostics.count)
    }

    @Test(arguments: [String(repeating: "@", count: 20_000), String(repeating: "\0", count: 5_000),
                      String(repeating: "( ] \" \\q ", count: 2_000)])
    func manyProblemsShowTheFirstAndCountTheRest(_ text: String) {
        let (shown, problems) = report(text)
        #expect(problems > DiagnosticRenderer.maximumShown)
        #expect(shown.hasSuffix("… and \(problems - DiagnosticRenderer.maximumShown) more problems not shown; fix these first\n"))
        #expect(shown.utf8.count < 20 * 1_000, "a few kilobytes, not megabytes: \(shown.utf8.count) bytes")
    }

    @Test func aLongLineIsShownAsAWindowAroundTheCaret() throws {
        let text = String(repeating: "x", count: 5_000) + " | whre a"
        let lines = report(text).shown.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.columns($0) <= 2 * DiagnosticRenderer.maximumLineColumns + 20 })
        let snippet = try #require(lines.first { $0.hasPrefix("    1 | ") && $0.contains("whre") })
        #expect(snippet.contains("| …x"), "cut before the caret: \(snippet)")
        let caret = try #require(lines.first { $0.contains("^") })
        let word = try #require(snippet.range(of: "whre"))
        #expect(caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
            == snippet.distance(from: snippet.startIndex, to: word.lowerBound), "the caret is under `whre`")
    }
}
