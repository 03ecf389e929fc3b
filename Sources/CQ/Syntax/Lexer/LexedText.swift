/// The tokens of a text, for the parser, syntax highlighting and completion.
public struct LexedText: Sendable, Hashable {
    /// Every token including newlines and comments, ending with ``TokenKind/endOfFile``.
    public var tokens: [Token]
    /// Problems the lexer found.
    public var diagnostics: [Diagnostic]

    /// Creates a lexed text.
    public init(tokens: [Token], diagnostics: [Diagnostic]) {
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    /// What surrounds the cursor at byte `offset` of `text` (the text that was lexed),
    /// for the REPL's completion: e.g. in `pipelines("gh/ac` the cursor is inside a
    /// string whose text so far is `gh/ac`, and the preceding tokens are
    /// `pipelines` and `(`. Inside a `\(…)` interpolation the context is the
    /// interpolated code.
    public func context(at offset: Int, in text: String) -> CursorContext {
        CursorContext.find(at: offset, in: tokens, text: Array(text.utf8))
    }
}

/// The lexical surroundings of a cursor position.
public struct CursorContext: Sendable, Hashable {
    /// The token the cursor is in or at the end of (the word being typed), if any.
    public var token: Token?
    /// The cursor is inside a string literal (not inside an interpolation in it).
    public var isInsideString: Bool
    /// The cursor is inside a comment.
    public var isInsideComment: Bool
    /// When inside a string: its source text from after the opening quote to the cursor.
    public var stringPrefix: String?
    /// The tokens before ``token`` in the innermost code context (the top level or
    /// the enclosing interpolation), without comments.
    public var precedingTokens: [Token]

    static func find(at offset: Int, in tokens: [Token], text: [UInt8]) -> CursorContext {
        var preceding: [Token] = []
        for token in tokens where token.kind != .endOfFile {
            if token.range.start >= offset { break }
            let reachesCursor = offset < token.range.end || (offset == token.range.end && isOpenEnded(token))
            if reachesCursor, case .string(let string) = token.kind {
                for case .interpolation(let inner, let range, let closed) in string.parts
                where range.start + 2 <= offset && (offset < range.end || (!closed && offset == range.end)) {
                    return find(at: offset, in: inner, text: text)
                }
                let prefixStart = min(token.range.start + 1, offset)
                let prefix = String(decoding: text[min(prefixStart, text.count)..<min(offset, text.count)], as: UTF8.self)
                return CursorContext(
                    token: token, isInsideString: true, isInsideComment: false,
                    stringPrefix: prefix, precedingTokens: preceding)
            }
            if case .comment = token.kind, offset <= token.range.end {
                return CursorContext(
                    token: token, isInsideString: false, isInsideComment: true,
                    stringPrefix: nil, precedingTokens: preceding)
            }
            if offset <= token.range.end, isWordLike(token) || offset < token.range.end {
                return CursorContext(
                    token: token, isInsideString: false, isInsideComment: false,
                    stringPrefix: nil, precedingTokens: preceding)
            }
            if case .comment = token.kind { continue }
            preceding.append(token)
        }
        return CursorContext(
            token: nil, isInsideString: false, isInsideComment: false,
            stringPrefix: nil, precedingTokens: preceding)
    }

    /// A string without its closing quote extends to the cursor at its end.
    private static func isOpenEnded(_ token: Token) -> Bool {
        if case .string(let string) = token.kind { return !string.isTerminated }
        return false
    }

    /// Tokens that a cursor at their end is still typing.
    private static func isWordLike(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .keyword, .variable, .integer, .double, .duration: true
        case .quotedIdentifier: true
        default: false
        }
    }
}
