import Testing

@testable import CQ

@Suite struct InputCompletenessTests {
    @Test(arguments: [
        "", "   ", "# only a comment", "jobs", "jobs | count", "let x = 1", "x | sort", "x | first",
        "f(a))", "\"done\"", "`unterminated backtick", "a; b", "x.not", "x | where a # and",
    ])
    func complete(_ text: String) {
        #expect(InputCompleteness.check(text) == .complete)
    }

    @Test(arguments: [
        ("pipelines(", ContinuationReason.openBracket("(")),
        ("f([1, {a: ", .openBracket("{")),
        ("[1,\n 2", .openBracket("[")),
        ("pipelines(\"gh/ac", .openString(quote: "\"")),
        ("x | where a =~ '^rel", .openString(quote: "'")),
        ("\"a \\(b", .openInterpolation),
        ("\"a \\(f(b", .openBracket("(")),
        ("\"a \\(f(\"b", .openString(quote: "\"")),
        ("jobs |", .trailing("|")),
        ("jobs | where a ==", .trailing("==")),
        ("jobs | where a and", .trailing("and")),
        ("jobs | where a and  # more to come", .trailing("and")),
        ("let x =", .trailing("=")),
        ("x | select a,", .trailing(",")),
        ("x | where", .trailing("where")),
        ("x | sort by", .trailing("by")),
        ("if a then", .trailing("then")),
        ("x =>", .trailing("=>")),
    ])
    func incomplete(_ text: String, _ reason: ContinuationReason) {
        #expect(InputCompleteness.check(text) == .incomplete(reason))
    }

    @Test func promptMarkersAndDescriptions() {
        #expect(ContinuationReason.openBracket("(").promptMarker == "(")
        #expect(ContinuationReason.openString(quote: "\"").promptMarker == "\"")
        #expect(ContinuationReason.openInterpolation.promptMarker == "\\(")
        #expect(ContinuationReason.trailing("|").description == "the line ends with `|`")
        #expect(ContinuationReason.openBracket("[").description == "unclosed `[`")
    }
}

@Suite struct CursorContextTests {
    private func context(_ text: String, at offset: Int? = nil) -> CursorContext {
        Lexer.tokenize(text).context(at: offset ?? text.utf8.count, in: text)
    }

    @Test func insideAStringArgument() {
        let c = context(#"pipelines("gh/ac"#)
        #expect(c.isInsideString)
        #expect(c.stringPrefix == "gh/ac")
        #expect(c.precedingTokens.map(\.kind) == [.identifier("pipelines"), .punctuation(.leftParen)])
    }

    @Test func insideAClosedStringBeforeItsQuote() {
        let text = #"pipelines("gh/acme")"#
        let c = context(text, at: 13)
        #expect(c.isInsideString)
        #expect(c.stringPrefix == "gh")
        #expect(!context(text).isInsideString)
    }

    @Test func typingAStageName() {
        let c = context("jobs | wh")
        #expect(!c.isInsideString)
        #expect(c.token?.kind == .identifier("wh"))
        #expect(c.precedingTokens.map(\.kind) == [.identifier("jobs"), .punctuation(.pipe)])
    }

    @Test func afterAPipeWithASpace() {
        let c = context("jobs | ")
        #expect(c.token == nil)
        #expect(c.precedingTokens.last?.kind == .punctuation(.pipe))
    }

    @Test func insideAnInterpolation() {
        let c = context(#""\(jobs | co"#)
        #expect(!c.isInsideString)
        #expect(c.token?.kind == .identifier("co"))
        #expect(c.precedingTokens.map(\.kind) == [.identifier("jobs"), .punctuation(.pipe)])
    }

    @Test func insideAComment() {
        #expect(context("jobs # wh").isInsideComment)
    }
}

@Suite struct SuggestionTests {
    let fields = ["status", "created_at", "duration", "job_number", "name", "project_slug", "stopped_at"]

    @Test(arguments: [
        ("stauts", "status"), ("Status", "status"), ("statu", "status"), ("duraton", "duration"),
        ("project-slug", "project_slug"), ("created", "created_at"), ("cr", nil), ("xyz", nil), ("nmae", "name"),
        ("stoped_at", "stopped_at"), ("status", nil), ("jobnumber", "job_number"),
    ] as [(String, String?)])
    func closest(_ typo: String, _ expected: String?) {
        #expect(Suggestions.closest(to: typo, among: fields) == expected)
    }

    @Test func tiesAreAlphabetical() {
        #expect(Suggestions.closest(to: "cat", among: ["hat", "bat"]) == "bat")
        #expect(Suggestions.ranked(for: "cat", among: ["hat", "bat", "dog"]) == ["bat", "hat"])
    }

    @Test func editDistance() {
        #expect(Suggestions.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestions.editDistance(Array("ab"), Array("ba")) == 1)
        #expect(Suggestions.editDistance(Array(""), Array("abc")) == 3)
        #expect(Suggestions.editDistance(Array("café"), Array("cafe")) == 1)
    }
}

@Suite struct RendererTests {
    private func render(_ text: String, _ diagnostic: Diagnostic) -> String {
        DiagnosticRenderer().render([diagnostic], in: SourceFile(name: "t.cq", text: text))
    }

    @Test func underlineSpansTheRange() {
        let out = render("abc defg", Diagnostic(id: "x", message: "m", range: SourceRange(start: 4, end: 8)))
        #expect(out == "t.cq:1:5: error: m\n    1 | abc defg\n      |     ^~~~\n")
    }

    @Test func caretAtTheEndOfInput() {
        let out = render("ab", Diagnostic(id: "x", message: "m", range: .at(2)))
        #expect(out == "t.cq:1:3: error: m\n    1 | ab\n      |   ^\n")
    }

    @Test func multiLineRangeIsUnderlinedToTheEndOfItsFirstLine() {
        let out = render("ab\ncd", Diagnostic(id: "x", message: "m", range: SourceRange(start: 1, end: 4)))
        #expect(out == "t.cq:1:2: error: m\n    1 | ab\n      |  ^\n")
    }

    @Test func rangesOutsideTheTextAreClamped() {
        let out = render("ab", Diagnostic(id: "x", message: "m", range: SourceRange(start: 40, end: 99)))
        #expect(out.hasPrefix("t.cq:1:3: error: m\n"))
    }

    @Test func tabsExpandAndWideCharactersCountOnce() {
        let out = render("\tx é y", Diagnostic(id: "x", message: "m", range: SourceRange(start: 6, end: 7)))
        #expect(out == "t.cq:1:6: error: m\n    1 |     x é y\n      |         ^\n")
    }

    @Test func notesAndFixIts() {
        let diagnostic = Diagnostic(
            .warning, id: "x", message: "m", range: SourceRange(start: 0, end: 1),
            notes: [.init("plain note"), .init("located note", range: SourceRange(start: 2, end: 3))],
            fixIt: .init(range: SourceRange(start: 0, end: 1), replacement: ""))
        #expect(render("a b", diagnostic) == """
            t.cq:1:1: warning: m
                1 | a b
                  | ^
                  = note: plain note
                  = help: remove `a`
            t.cq:1:3: note: located note
                1 | a b
                  |   ^

            """)
    }
}
