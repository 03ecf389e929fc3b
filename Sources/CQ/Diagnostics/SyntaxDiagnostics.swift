/// The catalogue of lexer and parser diagnostics: one case per kind of problem,
/// each with a stable ``id`` and a message worth reading.
///
/// Build a ``Diagnostic`` from one with ``Diagnostic/init(_:range:notes:fixIt:)``.
public enum SyntaxMessage: Sendable, Hashable {
    // MARK: Lexer
    /// A character that starts no token.
    case unexpectedCharacter(String)
    /// An operator from another language, e.g. `&&` (spelled `and`).
    case foreignOperator(written: String, cqSpelling: String)
    /// `“…”`: typographic quotes around a string.
    case curlyQuotes
    /// A `"` or `'` string without its closing quote.
    case unterminatedString(quote: Character)
    /// A `\(` without its `)`.
    case unterminatedInterpolation
    /// A `` ` `` identifier without its closing backtick on the same line.
    case unterminatedBacktick
    /// ``` `` ```.
    case emptyBacktick
    /// A backslash followed by something that is not an escape.
    case invalidEscape(String)
    /// `\u{…}` that is not a Unicode scalar.
    case invalidUnicodeEscape
    /// A number such as `1_` or `2e`.
    case malformedNumber(String)
    /// An integer that does not fit 64 bits.
    case numberTooLarge(String, isFloat: Bool)
    /// `10sec`, `3mo`.
    case unknownDurationUnit(String)
    /// `1.5h`.
    case fractionalDuration
    /// A duration that does not fit 64-bit milliseconds.
    case durationTooLarge
    /// `$` not followed by a name.
    case missingVariableName
    /// String interpolations nested too deeply.
    case interpolationTooDeep
    /// `// comment`.
    case slashComment
    /// `?.`, which cq does not need.
    case optionalChaining

    // MARK: Parser
    /// An expression was required.
    case expectedExpression(after: String?)
    /// A specific token was required, e.g. "expected `)`".
    case expected(String, after: String?)
    /// A stage was required after `|`.
    case expectedStage
    /// `| selct name`: a misspelled stage keyword followed by its operand.
    case misspelledStage(written: String, keyword: String)
    /// A name was required, e.g. after `let`.
    case expectedName(after: String)
    /// `sort x` or `group x`.
    case expectedBy(stage: String)
    /// `where x` at the start of a statement.
    case stageOutsidePipeline(String)
    /// A missing `,` between items.
    case expectedComma(between: String)
    /// A token that cannot continue what came before.
    case unexpected(String, expected: String)
    /// `a < b < c`.
    case chainedComparison
    /// `a = b` inside an expression.
    case assignmentInExpression
    /// `let x == 1`.
    case comparisonInBinding
    /// `f(step = "x")` or `{a = 1}`.
    case labelWithEquals
    /// `not`, `if` or a lambda where only a tighter expression may stand.
    case needsParentheses(String)
    /// `x.f(…)`.
    case methodCall(String)
    /// `let $x = …`.
    case dollarInBinding
    /// A label or key written as an interpolated string.
    case interpolatedLabel
    /// Nesting beyond the parser's limit.
    case nestingTooDeep(limit: Int)

    // MARK: Habits from other query languages
    /// `| limit 5`, `| order by x`, `| top 5 by x`: another language's stage.
    case foreignStage(written: String, cqForm: String)
    /// `7 days`, `2 hours`: a duration written with a space or a long unit.
    case spacedDuration(written: String, cqForm: String)
    /// `.vcs.branch`, `.items[]`: a jq path, and how cq writes it.
    case jqPath(cqForm: String)
    /// `| select(.x == 1)`: jq's `select`, which filters.
    case jqSelect
    /// `| select *`.
    case selectStar
    /// `count(*)`.
    case starArgument(function: String)

    /// A stable identifier, e.g. `expected-expression`.
    public var id: String {
        switch self {
        case .unexpectedCharacter: "unexpected-character"
        case .foreignOperator: "foreign-operator"
        case .curlyQuotes: "curly-quotes"
        case .unterminatedString: "unterminated-string"
        case .unterminatedInterpolation: "unterminated-interpolation"
        case .unterminatedBacktick: "unterminated-backtick"
        case .emptyBacktick: "empty-backtick"
        case .invalidEscape: "invalid-escape"
        case .invalidUnicodeEscape: "invalid-unicode-escape"
        case .malformedNumber: "malformed-number"
        case .numberTooLarge: "number-too-large"
        case .unknownDurationUnit: "unknown-duration-unit"
        case .fractionalDuration: "fractional-duration"
        case .durationTooLarge: "duration-too-large"
        case .missingVariableName: "missing-variable-name"
        case .interpolationTooDeep: "interpolation-too-deep"
        case .slashComment: "slash-comment"
        case .optionalChaining: "optional-chaining"
        case .expectedExpression: "expected-expression"
        case .expected: "expected-token"
        case .expectedStage: "expected-stage"
        case .misspelledStage: "misspelled-stage"
        case .expectedName: "expected-name"
        case .expectedBy: "expected-by"
        case .stageOutsidePipeline: "stage-outside-pipeline"
        case .expectedComma: "expected-comma"
        case .unexpected: "unexpected-token"
        case .chainedComparison: "chained-comparison"
        case .assignmentInExpression: "assignment-in-expression"
        case .comparisonInBinding: "comparison-in-binding"
        case .labelWithEquals: "label-with-equals"
        case .needsParentheses: "needs-parentheses"
        case .methodCall: "method-call"
        case .dollarInBinding: "dollar-in-binding"
        case .interpolatedLabel: "interpolated-label"
        case .nestingTooDeep: "nesting-too-deep"
        case .foreignStage: "foreign-stage"
        case .spacedDuration: "spaced-duration"
        case .jqPath: "jq-path"
        case .jqSelect: "jq-select"
        case .selectStar: "select-star"
        case .starArgument: "star-argument"
        }
    }

    /// How serious it is: everything is an error except `?.`, which still means `.`.
    public var severity: Diagnostic.Severity {
        if case .optionalChaining = self { return .warning }
        return .error
    }

    /// The one-line message.
    public var message: String {
        switch self {
        case .unexpectedCharacter(let c): "unexpected character `\(c)`"
        case .foreignOperator(let written, let cq): "`\(written)` is spelled `\(cq)` in cq"
        case .curlyQuotes: "strings use straight double quotes `\"`, not typographic quotes"
        case .unterminatedString(let quote): "unterminated string: missing closing `\(quote)`"
        case .unterminatedInterpolation: "unterminated interpolation: missing `)` after `\\(`"
        case .unterminatedBacktick: "unterminated backtick identifier: missing closing `` ` `` on this line"
        case .emptyBacktick: "a backtick identifier cannot be empty"
        case .invalidEscape(let e): "invalid escape sequence `\(e)`"
        case .invalidUnicodeEscape: "invalid Unicode escape: expected `\\u{` then 1 to 8 hex digits of a Unicode scalar, then `}`"
        case .malformedNumber(let n): "malformed number `\(n)`"
        case .numberTooLarge(let n, isFloat: true): "number `\(n)` is too large (floats go up to about 1.8e308)"
        case .numberTooLarge(let n, isFloat: false):
            "integer `\(n)` is too large (integers go up to 9223372036854775807; write a float such as 1e19)"
        case .unknownDurationUnit(let u): "unknown duration unit `\(u)`"
        case .fractionalDuration: "durations must be whole numbers of a unit"
        case .durationTooLarge: "duration is too large"
        case .missingVariableName: "expected a variable name after `$`"
        case .interpolationTooDeep: "string interpolations are nested too deeply"
        case .slashComment: "comments start with `#`"
        case .optionalChaining: "`?.` is not needed: `.` on `null` already gives `null`"
        case .expectedExpression(let after): "expected an expression" + Self.after(after)
        case .expected(let what, let after): "expected \(what)" + Self.after(after)
        case .expectedStage: "expected a stage after `|`"
        case .misspelledStage(let written, let keyword): "unknown stage `\(written)`; did you mean `\(keyword)`?"
        case .expectedName(let after): "expected a name after `\(after)`"
        case .expectedBy(let stage): "expected `by` after `\(stage)`"
        case .stageOutsidePipeline(let word): "`\(word)` is a stage: it must come after `|`"
        case .expectedComma(let between): "expected `,` between \(between)"
        case .unexpected(let token, let expected): "unexpected \(token); expected \(expected)"
        case .chainedComparison: "comparisons cannot be chained; use `and`"
        case .assignmentInExpression: "`=` assigns only in `let`; did you mean `==`?"
        case .comparisonInBinding: "`let` binds with `=`, not `==`"
        case .labelWithEquals: "labels are followed by `:`, not `=`"
        case .needsParentheses(let what): "\(what) must be wrapped in parentheses here"
        case .methodCall(let name): "cq has no methods; call `\(name)(…)` with the value as its first argument"
        case .dollarInBinding: "`let` and `def` bind plain names; write the name without `$`"
        case .interpolatedLabel: "a label cannot contain interpolation"
        case .nestingTooDeep(let limit): "expression is nested too deeply (the limit is \(limit) levels)"
        case .foreignStage(let written, let cqForm): "`\(written)` is not a cq stage; did you mean `\(cqForm)`?"
        case .spacedDuration(let written, let cqForm):
            "durations are written as one word: write `\(cqForm)`, not `\(written)`"
        case .jqPath(let cqForm): "cq has no jq-style paths; write `\(cqForm)`"
        case .jqSelect: "jq's `select(…)` keeps the rows where a condition holds; in cq that is `where …`"
        case .selectStar: "`select *` is not needed: rows keep all their fields unless a stage changes them"
        case .starArgument(let function): "`\(function)(*)` is written `\(function)()` in cq"
        }
    }

    private static func after(_ context: String?) -> String {
        guard let context else { return "" }
        return " after `\(context)`"
    }
}

extension SyntaxMessage {
    /// The ids of problems the parser reads exactly as their fix-it spells
    /// them (`| limit 5` as `| take 5`, `7 days` as `7d`, `&&` as `and`), so
    /// the statement can still be checked in the same run.
    public static let exactRecoveryIDs: Set<String> = [
        "misspelled-stage", "foreign-stage", "foreign-operator", "spaced-duration", "jq-path", "jq-select",
        "select-star", "star-argument", "unknown-duration-unit", "fractional-duration", "label-with-equals",
        "assignment-in-expression", "comparison-in-binding", "dollar-in-binding", "optional-chaining", "slash-comment",
        "expected-by", "expected-comma",
    ]
}

extension Diagnostic {
    /// Whether this is a syntax problem that has a fix-it and that the parser
    /// read exactly as the fix-it spells it (see ``SyntaxMessage/exactRecoveryIDs``):
    /// checking the statement then reports its other problems in the same run.
    public var isRecoveredExactly: Bool {
        fixIt != nil && SyntaxMessage.exactRecoveryIDs.contains(id)
    }

    /// Creates a diagnostic from the syntax catalogue.
    public init(
        _ message: SyntaxMessage,
        range: SourceRange,
        notes: [Note] = [],
        fixIt: FixIt? = nil
    ) {
        self.init(
            message.severity, id: message.id, message: message.message,
            range: range, notes: notes, fixIt: fixIt)
    }
}
