/// One lexical token: what it is and where it was written.
public struct Token: Sendable, Hashable {
    /// What the token is, with its decoded payload.
    public var kind: TokenKind
    /// The bytes it covers in the source.
    public var range: SourceRange

    /// Creates a token.
    public init(_ kind: TokenKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The kinds of token the lexer produces.
public enum TokenKind: Sendable, Hashable {
    /// A plain identifier such as `status`, `café` or a contextual word like `where`.
    case identifier(String)
    /// A backtick-quoted identifier such as `` `project-slug` ``; never a keyword.
    case quotedIdentifier(String)
    /// A reserved word.
    case keyword(Keyword)
    /// `$name`.
    case variable(String)
    /// An integer literal; underscores removed.
    case integer(Int)
    /// A floating-point literal.
    case double(Double)
    /// A duration literal such as `1h30m`, in milliseconds.
    case duration(milliseconds: Int64)
    /// A `"…"` or `'…'` string, possibly with interpolations.
    case string(StringToken)
    /// An operator or a delimiter.
    case punctuation(Punctuation)
    /// A line break. Whether it separates statements is decided by ``NewlineRules``.
    case newline
    /// A `#` comment (or a `#!` shebang line); the text includes the `#`.
    case comment(String)
    /// Input the lexer could not make sense of; a diagnostic has been recorded.
    case error
    /// The end of the input (or of an interpolation).
    case endOfFile
}

/// The reserved words of cq.
public enum Keyword: String, Sendable, Hashable, CaseIterable {
    case `let`, def, and, or, not, `in`, `true`, `false`, null, `if`, then, `else`, it
}

/// Operators and delimiters.
public enum Punctuation: String, Sendable, Hashable, CaseIterable {
    case pipe = "|"
    case equalEqual = "=="
    case bangEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case tildeMatch = "=~"
    case bangTilde = "!~"
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case questionQuestion = "??"
    case equal = "="
    case arrow = "=>"
    case dot = "."
    case comma = ","
    case colon = ":"
    case semicolon = ";"
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case leftBrace = "{"
    case rightBrace = "}"

    /// The closing delimiter matching an opening one.
    public var closing: Punctuation? {
        switch self {
        case .leftParen: .rightParen
        case .leftBracket: .rightBracket
        case .leftBrace: .rightBrace
        default: nil
        }
    }

    /// Whether this is `)`, `]` or `}`.
    public var isClosing: Bool { self == .rightParen || self == .rightBracket || self == .rightBrace }
}

/// A string literal as lexed: its pieces and whether it was closed.
public struct StringToken: Sendable, Hashable {
    /// One piece of a string literal.
    public enum Part: Sendable, Hashable {
        /// Literal text with escapes resolved.
        case text(String)
        /// A `\( … )` interpolation: the tokens inside (ending with `endOfFile`),
        /// the range from `\(` to `)`, and whether the `)` was found.
        case interpolation(tokens: [Token], range: SourceRange, closed: Bool)
    }

    /// The pieces in order; adjacent text is merged, empty text is omitted.
    public var parts: [Part]
    /// `"` or `'`.
    public var quote: Character
    /// Whether the closing quote was found.
    public var isTerminated: Bool

    /// Creates a string token payload.
    public init(parts: [Part], quote: Character, isTerminated: Bool) {
        self.parts = parts
        self.quote = quote
        self.isTerminated = isTerminated
    }
}

extension TokenKind {
    /// Whether this is the punctuation `p`.
    func `is`(_ p: Punctuation) -> Bool {
        if case .punctuation(p) = self { return true }
        return false
    }

    /// Whether this is the keyword `k`.
    func `is`(_ k: Keyword) -> Bool {
        if case .keyword(k) = self { return true }
        return false
    }

    /// The name if this is a plain (not backtick-quoted) identifier.
    var plainIdentifier: String? {
        if case .identifier(let name) = self { return name }
        return nil
    }

    /// The name if this is a plain or backtick-quoted identifier.
    var anyIdentifier: String? {
        switch self {
        case .identifier(let name), .quotedIdentifier(let name): name
        default: nil
        }
    }
}
