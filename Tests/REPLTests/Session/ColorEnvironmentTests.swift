import Testing

@testable import REPL

/// The REPL colours its prompt and results by the same rules as the CLI.
struct ColorEnvironmentTests {
    @Test(arguments: [
        ([String: String](), true),
        (["NO_COLOR": "1"], false),
        (["NO_COLOR": ""], true),
        (["TERM": "dumb"], false),
        (["NO_COLOR": "1", "FORCE_COLOR": "1"], true),
        (["TERM": "dumb", "CLICOLOR_FORCE": "1"], true),
        (["NO_COLOR": "1", "CLICOLOR_FORCE": "0"], false),
    ])
    func colours(_ environment: [String: String], expected: Bool) {
        #expect(REPLOptions.colorsAllowedByEnvironment { environment[$0] } == expected)
    }

    @Test func theProgressLineIsCutByColumnsNotCharacters() {
        let text = "⠋ 日本語のブランチ · 3 in flight"
        let fitted = ProgressLine.fitting(text, columns: 12)
        #expect(fitted == "⠋ 日本語の…")
    }
}
