/// Decides which newlines end a statement.
///
/// Inside `()`, `[]`, `{}` and string interpolations newlines are whitespace.
/// At the top level a newline separates statements unless
/// - the line's last token cannot end an expression (see ``continuesLine(after:previous:)``), or
/// - the next non-blank, non-comment line starts with `|` (leading-pipe style),
///   or with a word that cannot begin a statement: `and`, `or`, `then`, `else`,
///   or — inside a `group by` stage — `with` (its aggregates).
///
/// A newline before a line starting with `let` or `def` always separates,
/// even inside brackets: those words only begin statements, so an unclosed
/// bracket above is reported there instead of swallowing the rest of the file.
public enum NewlineRules {
    /// Tokens ready for the parser.
    struct Layout {
        /// The tokens without comments and without newlines that do not separate.
        var tokens: [Token]
        /// The comments, in order.
        var comments: [Comment]
        /// Brackets still open at the end, innermost last.
        var openBrackets: [Token]
    }

    /// Applies the newline rules to `tokens`. In `nested` token lists (the inside
    /// of an interpolation) every newline is whitespace.
    static func layout(_ tokens: [Token], nested: Bool = false) -> Layout {
        var output: [Token] = []
        var comments: [Comment] = []
        var stack: [Token] = []
        var inGroupStage = false
        for (index, token) in tokens.enumerated() {
            if stack.isEmpty {
                if token.kind.is(.pipe) || token.kind.is(.semicolon) {
                    inGroupStage = false
                } else if token.kind.plainIdentifier == "group", output.last?.kind.is(.pipe) == true {
                    inGroupStage = true
                }
            }
            switch token.kind {
            case .comment(let text):
                comments.append(Comment(text, range: token.range))
            case .newline:
                let next = nextSignificant(after: index, in: tokens)
                if !nested, next.kind.is(.let) || next.kind.is(.def) {
                    stack.removeAll()
                    if let last = output.last, !isSeparator(last) { output.append(token) }
                } else if nested || !stack.isEmpty || next.kind.is(.pipe)
                    || continuesLine(before: next, inGroupStage: inGroupStage)
                {
                    continue
                } else if let last = output.last, !isSeparator(last),
                    !continuesLine(after: last, previous: output.dropLast().last)
                {
                    output.append(token)
                    inGroupStage = false
                }
            case .punctuation(let p) where p.closing != nil:
                stack.append(token)
                output.append(token)
            case .punctuation(let p) where p.isClosing:
                if let opener = stack.lastIndex(where: { opening in
                    if case .punctuation(let o) = opening.kind { return o.closing == p }
                    return false
                }) {
                    stack.removeSubrange(opener...)
                }
                output.append(token)
            default:
                output.append(token)
            }
        }
        return Layout(tokens: output, comments: comments, openBrackets: stack)
    }

    /// Whether a line starting with `first` continues the line before it: words
    /// that cannot begin a statement (`and`, `or`, `then`, `else`), and `with`
    /// in a `group by` stage.
    static func continuesLine(before first: Token, inGroupStage: Bool) -> Bool {
        first.kind.is(.and) || first.kind.is(.or) || first.kind.is(.then) || first.kind.is(.else)
            || (inGroupStage && first.kind.plainIdentifier == "with")
    }

    /// Whether a line ending with `last` (preceded by `previous`) continues on the
    /// next line: after an operator, `|`, `,`, `=`, `=>`, `:`, `.`, an opening
    /// bracket, `and`, `or`, `not`, `in`, `if`, `then`, `else`, `let`, `def`, a
    /// stage keyword that needs an operand right after `|` (`where`, `select`,
    /// `group`, `take`, `skip`, `map`, `each`), or `by` after `sort`/`group`.
    public static func continuesLine(after last: Token, previous: Token?) -> Bool {
        // After `.` any word is a field name (`x.not`, `x.in`), which ends an expression.
        if previous?.kind.is(.dot) == true, last.kind.anyIdentifier != nil || isKeyword(last) { return false }
        switch last.kind {
        case .punctuation(let p):
            return !p.isClosing && p != .semicolon
        case .keyword(let k):
            return [.and, .or, .not, .in, .if, .then, .else, .let, .def].contains(k)
        case .identifier(let name):
            if StageKeywords.requiringOperand.contains(name), previous?.kind.is(.pipe) == true { return true }
            if name == "by", let before = previous?.kind.plainIdentifier, before == "sort" || before == "group" {
                return true
            }
            return false
        default:
            return false
        }
    }

    private static func isKeyword(_ token: Token) -> Bool {
        if case .keyword = token.kind { return true }
        return false
    }

    private static func nextSignificant(after index: Int, in tokens: [Token]) -> Token {
        var i = index + 1
        while i < tokens.count {
            switch tokens[i].kind {
            case .newline, .comment: i += 1
            default: return tokens[i]
            }
        }
        return tokens.last ?? Token(.endOfFile, range: .at(0))
    }

    private static func isSeparator(_ token: Token) -> Bool {
        token.kind == .newline || token.kind.is(.semicolon)
    }
}

/// The contextual words that name built-in stages right after `|`.
public enum StageKeywords {
    /// All stage keywords: `where select sort group take first last skip map each distinct`.
    public static let all: Set<String> = [
        "where", "select", "sort", "group", "take", "first", "last", "skip", "map", "each", "distinct",
    ]
    /// Stage keywords that must be followed by an operand.
    public static let requiringOperand: Set<String> = [
        "where", "select", "group", "take", "skip", "map", "each",
    ]
}
