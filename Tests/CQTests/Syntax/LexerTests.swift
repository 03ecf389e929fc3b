import Testing

@testable import CQ

/// The token kinds of `text`, without the final end-of-file.
private func kinds(_ text: String) -> [TokenKind] {
    Lexer.tokenize(text).tokens.map(\.kind).filter { $0 != .endOfFile }
}

private func lexerMessages(_ text: String) -> [String] {
    Lexer.tokenize(text).diagnostics.map(\.message)
}

private func string(_ text: String, quote: Character = "\"") -> TokenKind {
    .string(StringToken(parts: text.isEmpty ? [] : [.text(text)], quote: quote, isTerminated: true))
}

@Suite struct LexerTests {
    @Test(arguments: Punctuation.allCases)
    func punctuation(_ p: Punctuation) {
        #expect(kinds(p.rawValue) == [.punctuation(p)])
        #expect(Lexer.tokenize(p.rawValue).diagnostics.isEmpty)
    }

    @Test(arguments: Keyword.allCases)
    func keywords(_ k: Keyword) {
        #expect(kinds(k.rawValue) == [.keyword(k)])
    }

    @Test(arguments: [
        ("status", TokenKind.identifier("status")),
        ("_private9", .identifier("_private9")),
        ("café", .identifier("café")),
        ("cafe\u{301}", .identifier("cafe\u{301}")),
        ("日本", .identifier("日本")),
        ("where", .identifier("where")),
        ("`project-slug`", .quotedIdentifier("project-slug")),
        ("`let`", .quotedIdentifier("let")),
        ("$since", .variable("since")),
        ("$_x1", .variable("_x1")),
    ])
    func words(_ text: String, _ expected: TokenKind) {
        #expect(kinds(text) == [expected])
        #expect(Lexer.tokenize(text).diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("42", TokenKind.integer(42)),
        ("1_000", .integer(1000)),
        ("007", .integer(7)),
        ("3.14", .double(3.14)),
        ("2.5e3", .double(2500)),
        ("1e-3", .double(0.001)),
        ("1E+2", .double(100)),
        ("9223372036854775807", .integer(Int.max)),
    ])
    func numbers(_ text: String, _ expected: TokenKind) {
        #expect(kinds(text) == [expected])
        #expect(Lexer.tokenize(text).diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("30s", Int64(30_000)), ("5m", 300_000), ("2h", 7_200_000), ("7d", 604_800_000),
        ("1w", 604_800_000), ("250ms", 250), ("1h30m", 5_400_000), ("1m30s500ms", 90_500),
        ("1_000ms", 1000), ("0s", 0),
    ])
    func durations(_ text: String, _ milliseconds: Int64) {
        #expect(kinds(text) == [.duration(milliseconds: milliseconds)])
        #expect(Lexer.tokenize(text).diagnostics.isEmpty)
    }

    @Test func numberFollowedByDotIsMemberAccess() {
        #expect(kinds("1.foo") == [.integer(1), .punctuation(.dot), .identifier("foo")])
        #expect(kinds("x.in") == [.identifier("x"), .punctuation(.dot), .keyword(.in)])
    }

    @Test(arguments: [
        (#""plain""#, string("plain")),
        (#""""#, string("")),
        (#""a\"b\\c\nd\te\rf\0g""#, string("a\"b\\c\nd\te\rf\0g")),
        (#""\u{1F600} \u{e9}""#, string("😀 é")),
        (#"'raw \d+ \( "x"'"#, string(#"raw \d+ \( "x""#, quote: "'")),
        ("\"two\nlines\"", string("two\nlines")),
        (#""café""#, string("café")),
    ])
    func strings(_ text: String, _ expected: TokenKind) {
        #expect(kinds(text) == [expected])
        #expect(Lexer.tokenize(text).diagnostics.isEmpty)
    }

    /// Up to 8 hex digits of a Unicode scalar; more digits (which would not fit
    /// 32 bits) and values that are not scalars are refused, never wrapped.
    @Test(arguments: [
        (#""\u{10FFFF}""#, true), (#""\u{0000041}""#, true), (#""\u{100000041}""#, false),
        (#""\u{FFFFFFFF}""#, false), (#""\u{D800}""#, false), (#""\u{}""#, false),
    ])
    func unicodeEscapeDigits(_ text: String, _ valid: Bool) {
        let ids = Lexer.tokenize(text).diagnostics.map(\.id)
        #expect(ids == (valid ? [] : ["invalid-unicode-escape"]), "\(text)")
    }

    @Test func interpolationHoldsTokens() throws {
        let tokens = Lexer.tokenize(#""a\(x + 1)b""#).tokens
        guard case .string(let s) = tokens[0].kind else {
            Issue.record("not a string")
            return
        }
        #expect(s.parts.count == 3)
        guard case .interpolation(let inner, let range, let closed) = s.parts[1] else {
            Issue.record("no interpolation")
            return
        }
        #expect(closed)
        #expect(range == SourceRange(start: 2, end: 10))
        #expect(inner.map(\.kind) == [.identifier("x"), .punctuation(.plus), .integer(1), .endOfFile])
    }

    @Test func interpolationNestsStringsAndParentheses() {
        let text = #""\(f("\(g((1)))") + (2))!""#
        let lexed = Lexer.tokenize(text)
        #expect(lexed.diagnostics.isEmpty)
        #expect(lexed.tokens.count == 2)
        guard case .string(let s) = lexed.tokens[0].kind else {
            Issue.record("not a string")
            return
        }
        #expect(s.isTerminated)
        #expect(s.parts.last == .text("!"))
    }

    @Test func newlinesAndComments() {
        #expect(
            kinds("a # note\nb") == [.identifier("a"), .comment("# note"), .newline, .identifier("b")])
        #expect(kinds("#!/usr/bin/env cq\nx") == [.comment("#!/usr/bin/env cq"), .newline, .identifier("x")])
        #expect(kinds("a\r\nb") == [.identifier("a"), .newline, .identifier("b")])
        #expect(kinds("\ta\t;b") == [.identifier("a"), .punctuation(.semicolon), .identifier("b")])
    }

    @Test func rangesAreByteOffsets() {
        let tokens = Lexer.tokenize("café == 1").tokens
        #expect(tokens.map(\.range) == [
            SourceRange(start: 0, end: 5), SourceRange(start: 6, end: 8),
            SourceRange(start: 9, end: 10), SourceRange(start: 10, end: 10),
        ])
    }

    @Test(arguments: [
        ("&&", TokenKind.keyword(.and), "`&&` is spelled `and` in cq"),
        ("||", .keyword(.or), "`||` is spelled `or` in cq"),
        ("!", .keyword(.not), "`!` is spelled `not` in cq"),
        ("?.", .punctuation(.dot), "`?.` is not needed: `.` on `null` already gives `null`"),
        ("a // b", .punctuation(.questionQuestion), "`//` is spelled `??` in cq"),
        ("10sec", .duration(milliseconds: 10_000), "unknown duration unit `sec`"),
        ("1.5h", .duration(milliseconds: 5_400_000), "durations must be whole numbers of a unit"),
        ("“quoted”", string("quoted"), "strings use straight double quotes `\"`, not typographic quotes"),
        ("`open", .quotedIdentifier("open"), "unterminated backtick identifier: missing closing `` ` `` on this line"),
    ])
    func foreignSpellingsRecover(_ text: String, _ recovered: TokenKind, _ message: String) {
        #expect(kinds(text).contains(recovered))
        #expect(lexerMessages(text) == [message])
        #expect(Lexer.tokenize(text).diagnostics.allSatisfy { $0.fixIt != nil || $0.id == "unterminated-backtick" })
    }

    @Test(arguments: [
        ("@", "unexpected character `@`"),
        ("→", "unexpected character `→`"),
        ("\"open", "unterminated string: missing closing `\"`"),
        ("'open", "unterminated string: missing closing `'`"),
        (#""\(x"#, "unterminated interpolation: missing `)` after `\\(`"),
        (#""\q""#, "invalid escape sequence `\\q`"),
        (#""\u{110000}""#, "invalid Unicode escape: expected `\\u{` then 1 to 8 hex digits of a Unicode scalar, then `}`"),
        (#""\u12""#, "invalid Unicode escape: expected `\\u{` then 1 to 8 hex digits of a Unicode scalar, then `}`"),
        ("1_", "malformed number `1_`"),
        ("12abc", "unknown duration unit `abc`"),
        ("3mo", "unknown duration unit `mo`"),
        ("1.5x", "malformed number `1.5x`"),
        ("99999999999999999999", "integer `99999999999999999999` is too large (integers go up to 9223372036854775807; write a float such as 1e19)"),
        ("1e999", "number `1e999` is too large (floats go up to about 1.8e308)"),
        ("99999999999999w", "duration is too large"),
        ("$", "expected a variable name after `$`"),
        ("``", "a backtick identifier cannot be empty"),
        ("// note", "comments start with `#`"),
    ])
    func errors(_ text: String, _ message: String) {
        let lexed = Lexer.tokenize(text)
        #expect(lexed.diagnostics.map(\.message) == [message])
        for diagnostic in lexed.diagnostics {
            #expect(diagnostic.range.end <= text.utf8.count)
        }
    }

    @Test func unexpectedCharacterCoversTheWholeScalar() {
        let lexed = Lexer.tokenize("a → b")
        #expect(lexed.tokens.map(\.kind) == [.identifier("a"), .error, .identifier("b"), .endOfFile])
        #expect(lexed.diagnostics.first?.range == SourceRange(start: 2, end: 5))
    }

    @Test func unterminatedNestedStringReportsOnce() {
        #expect(lexerMessages(#""a \(f("b"#).count == 1)
    }

    @Test func interpolationDepthIsCapped() {
        let text = String(repeating: #""\("#, count: 200) + "1" + String(repeating: #")""#, count: 200)
        let lexed = Lexer.tokenize(text)
        #expect(lexed.diagnostics.map(\.id) == ["interpolation-too-deep"])
    }

    @Test func unitAliasGetsAFixIt() {
        let diagnostic = Lexer.tokenize("1hr30mins").diagnostics.first
        #expect(diagnostic?.fixIt?.replacement == "1h30m")
        #expect(Lexer.tokenize("1hr30mins").tokens.first?.kind == .duration(milliseconds: 5_400_000))
    }
}
