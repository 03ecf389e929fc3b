/// Parses cq source text into a ``Program``.
///
/// A recursive-descent parser with one `parseX()` per kind of node and one
/// precedence table (``BinaryOperator/precedence``). It never throws: a problem
/// becomes a ``Diagnostic``, a placeholder node (``Expr/Kind/missing``) stands in
/// for what was missing, and parsing resumes at the next `|`, separator or
/// closing bracket, so one run reports several errors. Every loop makes
/// progress and nesting is capped at ``maxDepth``.
public struct Parser {
    /// The tokens after ``NewlineRules``, ending with ``TokenKind/endOfFile``.
    var tokens: [Token]
    /// The index of the current token.
    var index = 0
    /// The end offset of the last consumed token.
    var lastEnd = 0
    /// Problems found so far.
    var diagnostics: [Diagnostic] = []
    /// Comments found inside string interpolations.
    var nestedComments: [Comment] = []
    /// The current nesting depth.
    var depth: Int
    /// Set after a fatal error in a statement; silences diagnostics until the next one.
    var panicking = false

    /// The deepest nesting of expressions the parser accepts.
    public static let maxDepth = 128

    init(tokens: [Token], depth: Int = 0) {
        var tokens = tokens
        if tokens.last?.kind != .endOfFile {
            tokens.append(Token(.endOfFile, range: .at(tokens.last?.range.end ?? 0)))
        }
        self.tokens = tokens
        self.depth = depth
        self.lastEnd = tokens.first?.range.start ?? 0
    }

    /// Parses a whole program: a script file, a `-e` query or a REPL entry.
    ///
    /// The diagnostics (lexer's and parser's) are sorted by position. A program
    /// with an error diagnostic must not be evaluated.
    public static func parse(_ source: SourceFile) -> ParseResult {
        let lexed = Lexer.tokenize(source.text)
        let layout = NewlineRules.layout(lexed.tokens)
        var parser = Parser(tokens: layout.tokens)
        let statements = parser.parseProgram()
        let comments = (layout.comments + parser.nestedComments).sorted { $0.range.start < $1.range.start }
        // An unterminated string runs to the end of the input, so anything the
        // parser says after its start (a missing `)`) is a consequence of it.
        let openStringStart = lexed.diagnostics
            .filter { $0.id == SyntaxMessage.unterminatedString(quote: "\"").id || $0.id == SyntaxMessage.unterminatedInterpolation.id }
            .map(\.range.start).min() ?? Int.max
        let parserDiagnostics = parser.diagnostics.filter { $0.range.start < openStringStart }
        let diagnostics = (lexed.diagnostics + parserDiagnostics).enumerated()
            .sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }
            .map(\.element)
        return ParseResult(
            program: Program(statements: statements, comments: comments), diagnostics: diagnostics)
    }

    // MARK: Tokens

    /// The current token.
    var current: Token { tokens[index] }

    /// The token `offset` positions ahead, or the end-of-file token.
    func peek(_ offset: Int = 1) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    /// The previously consumed token, if any.
    var previous: Token? { index > 0 ? tokens[index - 1] : nil }

    /// Consumes and returns the current token; never moves past the end.
    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if token.kind != .endOfFile {
            index += 1
            lastEnd = token.range.end
        }
        return token
    }

    /// Whether the current token is the punctuation `p`.
    func at(_ p: Punctuation) -> Bool { current.kind.is(p) }

    /// Whether the current token is the keyword `k`.
    func at(_ k: Keyword) -> Bool { current.kind.is(k) }

    /// Whether the current token is the plain identifier `word`.
    func at(word: String) -> Bool { current.kind.plainIdentifier == word }

    /// Whether the current token ends a statement: a separator or the end.
    var atStatementEnd: Bool {
        current.kind == .newline || at(.semicolon) || current.kind == .endOfFile
    }

    /// Consumes `p` if it is the current token.
    mutating func consume(_ p: Punctuation) -> Token? {
        at(p) ? advance() : nil
    }

    /// Consumes the closing `p`, or reports it missing with a note at `opener`.
    @discardableResult
    mutating func expectClosing(_ p: Punctuation, opener: Token) -> Token? {
        if let token = consume(p) { return token }
        let openSpelling = Self.spelling(of: opener) ?? "("
        report(
            .expected("`\(p.rawValue)`", after: nil), .at(lastEnd),
            notes: [.init("unclosed `\(openSpelling)` opened here", range: opener.range)])
        return nil
    }

    /// A range from `start` to the end of the last consumed token.
    func range(from start: Int) -> SourceRange {
        SourceRange(start: start, end: max(start, lastEnd))
    }

    // MARK: Diagnostics

    /// Records a diagnostic, unless the statement already failed fatally or an
    /// error was just reported at the same place (a cascade). A diagnostic that
    /// points elsewhere too (an unclosed bracket's opener) is always kept.
    mutating func report(
        _ message: SyntaxMessage, _ range: SourceRange,
        notes: [Diagnostic.Note] = [], fixIt: Diagnostic.FixIt? = nil
    ) {
        if panicking { return }
        if let last = diagnostics.last, last.severity == .error, last.range.start == range.start,
            !notes.contains(where: { $0.range != nil })
        {
            return
        }
        diagnostics.append(Diagnostic(message, range: range, notes: notes, fixIt: fixIt))
    }

    /// Reports that the current token cannot appear here; silent for error
    /// tokens, which the lexer already reported.
    mutating func reportUnexpected(expected: String, notes: [Diagnostic.Note] = []) {
        if current.kind == .error { return }
        report(.unexpected(Self.describe(current), expected: expected), current.range, notes: notes)
    }

    /// How a token is named in "unexpected …" messages.
    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier(let name), .quotedIdentifier(let name): "`\(name)`"
        case .keyword(let k): "`\(k.rawValue)`"
        case .variable(let name): "`$\(name)`"
        case .integer(let value): "number `\(value)`"
        case .double(let value): "number `\(value)`"
        case .duration(let ms): "duration `\(DurationFormat.canonical(milliseconds: ms))`"
        case .string: "string"
        case .punctuation(let p): "`\(p.rawValue)`"
        case .newline: "line break"
        case .comment: "comment"
        case .error: "character"
        case .endOfFile: "end of input"
        }
    }

    /// The spelling of a word or operator token, for "after `…`" in messages.
    static func spelling(of token: Token?) -> String? {
        switch token?.kind {
        case .identifier(let name)?: name.count <= 16 ? name : nil
        case .keyword(let k)?: k.rawValue
        case .punctuation(let p)?: p.rawValue
        default: nil
        }
    }
}

/// The result of parsing: the program and every problem found.
public struct ParseResult: Sendable, Hashable {
    /// The program; where there were errors it contains ``Expr/Kind/missing`` placeholders.
    public var program: Program
    /// Lexer and parser diagnostics, sorted by position.
    public var diagnostics: [Diagnostic]

    /// Creates a parse result.
    public init(program: Program, diagnostics: [Diagnostic]) {
        self.program = program
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Guards a loop against not making progress (swift-syntax's
/// `LoopProgressCondition`): ``advanced(to:)`` is false when the parser's
/// position has not moved since the previous iteration.
struct LoopProgress {
    private var last: Int?

    /// Whether `index` is past the position seen at the previous call.
    mutating func advanced(to index: Int) -> Bool {
        defer { last = index }
        guard let last else { return true }
        return index > last
    }
}
