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

    /// Inputs with thousands of problems, by name (the texts are too long to name a test case).
    static let noisy: [String: String] = [
        "brackets, quotes and bad escapes": String(repeating: "( ] \" \\q ", count: 2_000),
        "bad characters between numbers": String(repeating: "@ 1 ", count: 5_000),
    ]

    @Test(arguments: noisy.keys.sorted())
    func manyProblemsShowTheFirstAndCountTheRest(_ name: String) {
        let text = Self.noisy[name] ?? ""
        let (shown, problems) = report(text)
        #expect(problems > DiagnosticRenderer.maximumShown)
        #expect(shown.hasSuffix("… and \(problems - DiagnosticRenderer.maximumShown) more problems not shown; fix these first\n"))
        #expect(shown.utf8.count < 20 * 1_000, "a few kilobytes, not megabytes: \(shown.utf8.count) bytes")
    }

    @Test(arguments: [("@", 20_000), ("\0", 5_000), ("→", 3_000)])
    func aRunOfOneBadCharacterIsOneProblem(_ character: String, _ count: Int) {
        let (shown, problems) = report(String(repeating: character, count: count))
        #expect(problems == 1)
        #expect(shown.contains("it is repeated \(count - 1) more times after this one"), "\(shown)")
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
