import CQ
import Testing

/// What may not reach a terminal raw is shown as cq string escapes.
struct TerminalTextTests {
    @Test(arguments: [
        ("a\rb", #"a\rb"#),
        ("a\r\nb", #"a\r\nb"#),
        ("line\nnext", #"line\nnext"#),
        ("col\tcol", #"col\tcol"#),
        ("bell\u{7}", #"bell\u{7}"#),
        ("nul\0", #"nul\0"#),
        ("\u{1b}[31mred\u{1b}[0m", #"\u{1b}[31mred\u{1b}[0m"#),  // CSI
        ("\u{1b}]8;;https://evil.example\u{7}link\u{1b}]8;;\u{7}", #"\u{1b}]8;;https://evil.example\u{7}link\u{1b}]8;;\u{7}"#),  // OSC 8
        ("\u{1b}]52;c;aGVsbG8=\u{1b}\\", #"\u{1b}]52;c;aGVsbG8=\u{1b}\"#),  // OSC 52 ended by ST
        ("\u{1b}]0;title\u{7}", #"\u{1b}]0;title\u{7}"#),  // window title
        ("del\u{7f}", #"del\u{7f}"#),
        ("c1 csi \u{9b}2J", #"c1 csi \u{9b}2J"#),
        ("abc\u{202e}fed\u{202c}", #"abc\u{202e}fed\u{202c}"#),  // right-to-left override
        ("\u{2066}isolate\u{2069}", #"\u{2066}isolate\u{2069}"#),
        ("\u{200f}rlm \u{61c}alm", #"\u{200f}rlm \u{61c}alm"#),
        ("one\u{2028}two\u{2029}", #"one\u{2028}two\u{2029}"#),
        ("plain 日本 👩‍💻 café", "plain 日本 👩‍💻 café"),  // nothing to escape, joiners kept
        (#"C:\path\n"#, #"C:\path\n"#),  // backslashes are not doubled
    ])
    func escaped(_ text: String, _ expected: String) {
        #expect(TerminalText.escaped(text) == expected)
        #expect(!TerminalText.escaped(text).unicodeScalars.contains(where: TerminalText.isEscaped))
    }

    @Test func linesSplitAtLineFeedsAndCRLF() {
        #expect(TerminalText.escapedLines("a\r\nb\nc\r\n") == ["a", "b", "c"])
        #expect(TerminalText.escapedLines("50%\r100%\ndone") == [#"50%\r100%"#, "done"])
        #expect(TerminalText.escapedLines("") == [""])
        #expect(TerminalText.escapedLines("\n\nx") == ["", "", "x"])
        #expect(TerminalText.escapedLines("\u{1b}[1mbold\u{1b}[0m\n") == [#"\u{1b}[1mbold\u{1b}[0m"#])
    }
}
