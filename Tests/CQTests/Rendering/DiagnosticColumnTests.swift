import CQ
import Testing

/// The caret of a diagnostic lands under the character it points at, however
/// wide the text before it, and the echoed source line never drives the terminal.
struct DiagnosticColumnTests {
    /// A one-line source with an error on the first `@`, rendered without colour.
    private func render(_ text: String, message: String = "unexpected character `@`") throws -> String {
        let source = SourceFile(name: "query.cq", text: text)
        let at = try #require(text.utf8.firstIndex(of: UInt8(ascii: "@")))
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: at)
        let diagnostic = Diagnostic(id: "unexpected-character", message: message, range: SourceRange(start: offset, end: offset + 1))
        return DiagnosticRenderer().render([diagnostic], in: source)
    }

    @Test func caretAfterCJKText() throws {
        #expect(try render(#"jobs | where 名前 == "日本語" @ 1"#) == """
            query.cq:1:26: error: unexpected character `@`
                1 | jobs | where 名前 == "日本語" @ 1
                  |                               ^

            """)
    }

    @Test func caretAfterEmojiAndCombiningMarks() throws {
        #expect(try render("\"👩‍💻 cafe\u{301} 🇫🇷\" @") == """
            query.cq:1:12: error: unexpected character `@`
                1 | "👩‍💻 cafe\u{301} 🇫🇷" @
                  |              ^

            """)
    }

    @Test func caretAfterATab() throws {
        #expect(try render("jobs |\twhere 日本 @") == """
            query.cq:1:17: error: unexpected character `@`
                1 | jobs |  where 日本 @
                  |                    ^

            """)
    }

    @Test func controlCharactersInTheSourceLineAreEscaped() throws {
        let rendered = try render("\"\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\rx\u{202e}y\" @")
        #expect(rendered == #"""
            query.cq:1:24: error: unexpected character `@`
                1 | "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\rx\u{202e}y" @
                  |                                              ^

            """#)
        #expect(!rendered.unicodeScalars.contains { $0 != "\n" && TerminalText.isEscaped($0) })
    }

    @Test func messagesNotesAndNamesAreEscaped() throws {
        let source = SourceFile(name: "evil\u{1b}[2J.cq", text: "x")
        let diagnostic = Diagnostic(
            id: "not-found", message: "CircleCI said: \u{1b}]0;owned\u{7}", range: .at(0),
            notes: [.init("branch `main\r\u{1b}[K`")], fixIt: .init(range: SourceRange(start: 0, end: 1), replacement: "\u{1b}c"))
        let rendered = DiagnosticRenderer(colored: false).render([diagnostic], in: source)
        #expect(rendered == #"""
            evil\u{1b}[2J.cq:1:1: error: CircleCI said: \u{1b}]0;owned\u{7}
                1 | x
                  | ^
                  = note: branch `main\r\u{1b}[K`
                  = help: replace with `\u{1b}c`

            """#)
    }
}
