/// Turns cq source text into tokens.
///
/// The lexer is a cursor over the UTF-8 bytes of the text. It never throws and
/// never stops early: anything it cannot make sense of becomes an
/// ``TokenKind/error`` token (or, for a well-known foreign spelling such as `&&`,
/// the token cq spells differently) together with a ``Diagnostic``.
///
/// Newlines and comments are tokens too; ``NewlineRules`` decides which
/// newlines separate statements.
public struct Lexer {
    /// The text being lexed, as UTF-8 bytes.
    let bytes: [UInt8]
    /// The offset of the next unread byte.
    var offset: Int = 0
    /// Problems found so far.
    public private(set) var diagnostics: [Diagnostic] = []
    /// How many string interpolations enclose the current position.
    var interpolationDepth = 0

    /// The deepest string interpolation nesting the lexer accepts.
    static let maxInterpolationDepth = 32

    /// Creates a lexer over `text`.
    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// Lexes all of `text`: every token, including newlines and comments,
    /// ending with ``TokenKind/endOfFile``.
    public static func tokenize(_ text: String) -> LexedText {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfFile { break }
        }
        return LexedText(tokens: tokens, diagnostics: lexer.diagnostics)
    }

    /// Lexes and returns the next token; at the end it keeps returning
    /// ``TokenKind/endOfFile``.
    public mutating func next() -> Token {
        skipHorizontalWhitespace()
        let start = offset
        guard let byte = peek() else { return Token(.endOfFile, range: .at(offset)) }
        switch byte {
        case UInt8(ascii: "\n"):
            advance()
            return token(.newline, from: start)
        case UInt8(ascii: "#"):
            return lexComment()
        case UInt8(ascii: "\""):
            return lexString()
        case UInt8(ascii: "'"):
            return lexRawString()
        case UInt8(ascii: "`"):
            return lexBacktickIdentifier()
        case UInt8(ascii: "$"):
            return lexVariable()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return lexNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "_"):
            return lexIdentifier()
        case 0x80...:
            return lexNonASCII()
        default:
            return lexOperator()
        }
    }

    // MARK: Cursor

    /// The byte `ahead` positions after the cursor, if any.
    func peek(_ ahead: Int = 0) -> UInt8? {
        let index = offset + ahead
        return index < bytes.count ? bytes[index] : nil
    }

    /// Whether the byte `ahead` positions after the cursor is `ascii`.
    func peek(is ascii: Unicode.Scalar, _ ahead: Int = 0) -> Bool {
        peek(ahead) == UInt8(ascii: ascii)
    }

    /// Moves the cursor forward by `count` bytes, never past the end.
    mutating func advance(_ count: Int = 1) {
        offset = min(offset + count, bytes.count)
    }

    /// A token of `kind` from `start` to the cursor.
    func token(_ kind: TokenKind, from start: Int) -> Token {
        Token(kind, range: SourceRange(start: start, end: offset))
    }

    /// Records a diagnostic.
    mutating func report(
        _ message: SyntaxMessage, _ range: SourceRange,
        notes: [Diagnostic.Note] = [], fixIt: Diagnostic.FixIt? = nil
    ) {
        diagnostics.append(Diagnostic(message, range: range, notes: notes, fixIt: fixIt))
    }

    /// The text of the bytes in `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
    }

    private mutating func skipHorizontalWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        {
            advance()
        }
    }

    private mutating func lexComment() -> Token {
        commentToken(from: offset)
    }

    /// The comment from `start` to the end of its line, without the carriage
    /// returns that end it: they would join the newline a formatter writes
    /// after the comment (`\r\n`), and the comment would read differently.
    mutating func commentToken(from start: Int) -> Token {
        while let byte = peek(), byte != UInt8(ascii: "\n") { advance() }
        var end = offset
        while end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Token(.comment(text(start, end)), range: SourceRange(start: start, end: end))
    }
}
