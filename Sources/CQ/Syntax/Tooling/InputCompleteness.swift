/// Whether REPL input so far is a complete entry or needs another line, and why
/// (for a psql `%R`-style continuation prompt that shows what is open).
///
/// Input is incomplete when a bracket, string or interpolation is still open,
/// or when its last token cannot end a statement (a trailing `|`, binary
/// operator, `,`, `=`, …; see ``NewlineRules/continuesLine(after:previous:)``).
/// Input with syntax errors is complete: the parser reports them.
public enum InputCompleteness: Sendable, Hashable {
    /// The input can be run.
    case complete
    /// Another line is needed.
    case incomplete(ContinuationReason)

    /// Checks REPL input `text`.
    public static func check(_ text: String) -> InputCompleteness {
        let tokens = Lexer.tokenize(text).tokens
        return reason(in: tokens, nested: false).map(InputCompleteness.incomplete) ?? .complete
    }

    /// Whether another line is needed.
    public var isComplete: Bool { self == .complete }

    private static func reason(in tokens: [Token], nested: Bool) -> ContinuationReason? {
        let significant = tokens.filter { token in
            switch token.kind {
            case .comment, .newline, .endOfFile: false
            default: true
            }
        }
        if let last = significant.last, case .string(let string) = last.kind, !string.isTerminated {
            if case .interpolation(let inner, _, closed: false) = string.parts.last {
                return reason(in: inner, nested: true) ?? .openInterpolation
            }
            return .openString(quote: string.quote)
        }
        let layout = NewlineRules.layout(tokens, nested: nested)
        if let open = layout.openBrackets.last, case .punctuation(let p) = open.kind {
            return .openBracket(p.rawValue)
        }
        guard !nested, let last = significant.last,
            NewlineRules.continuesLine(after: last, previous: significant.dropLast().last)
        else { return nil }
        return .trailing(Parser.spelling(of: last) ?? "")
    }
}

/// What keeps REPL input open.
public enum ContinuationReason: Sendable, Hashable, CustomStringConvertible {
    /// An unclosed `(`, `[` or `{` (the innermost).
    case openBracket(String)
    /// A string whose closing `"` or `'` has not been typed.
    case openString(quote: Character)
    /// A `\(` interpolation whose `)` has not been typed.
    case openInterpolation
    /// The last token cannot end a statement: `|`, `+`, `and`, `,`, `=`, `where`, ….
    case trailing(String)

    /// A short marker for the continuation prompt, e.g. `(`, `"`, `\(` or `|`.
    public var promptMarker: String {
        switch self {
        case .openBracket(let bracket): bracket
        case .openString(let quote): String(quote)
        case .openInterpolation: "\\("
        case .trailing(let token): token
        }
    }

    /// A sentence fragment for humans, e.g. "unclosed `(`".
    public var description: String {
        switch self {
        case .openBracket(let bracket): "unclosed `\(bracket)`"
        case .openString(let quote): "unterminated string (close it with `\(quote)`)"
        case .openInterpolation: "unclosed `\\(` in a string"
        case .trailing(let token): "the line ends with `\(token)`"
        }
    }
}
