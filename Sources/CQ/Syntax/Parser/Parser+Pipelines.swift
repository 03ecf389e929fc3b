extension Parser {
    /// Where a pipeline stands, which decides what may follow it.
    enum PipelineContext {
        case statement, parentheses, list, arguments, record, index, interpolation

        /// What may follow a complete pipeline here, for "expected …" messages.
        var followers: String {
            switch self {
            case .statement: "`|`, a newline or `;`"
            case .parentheses: "`|` or `)`"
            case .list: "`|`, `,` or `]`"
            case .arguments: "`|`, `,` or `)`"
            case .record: "`|`, `,` or `}`"
            case .index: "`|` or `]`"
            case .interpolation: "`|` or `)`"
            }
        }
    }

    /// `pipeline = expr { "|" stage }`
    mutating func parsePipeline(_ context: PipelineContext) -> Expr {
        let source = parseExpr()
        var stages: [Stage] = []
        skipJunk(context)
        var progress = LoopProgress()
        while at(.pipe), progress.advanced(to: index) {
            advance()
            stages.append(parseStage())
            skipJunk(context)
        }
        guard !stages.isEmpty else { return source }
        return Expr(.pipeline(source, stages), range: range(from: source.range.start))
    }

    /// `stage_chain = stage { "|" stage }`: a `def` body that starts with a stage keyword.
    mutating func parseStageChain() -> Expr {
        let start = current.range.start
        var stages = [parseStage()]
        skipJunk(.statement)
        var progress = LoopProgress()
        while at(.pipe), progress.advanced(to: index) {
            advance()
            stages.append(parseStage())
            skipJunk(.statement)
        }
        return Expr(.stageChain(stages), range: range(from: start))
    }

    /// After a complete pipeline part, reports and skips tokens that cannot follow
    /// it, stopping where parsing can resume: `|`, a separator or a closing bracket.
    mutating func skipJunk(_ context: PipelineContext) {
        guard !isPipelineFollower(current, context) else { return }
        var notes: [Diagnostic.Note] = []
        if at(.equalEqual) || at(.equal), context == .statement {
            notes.append(.init("to bind a name, write `let name = …`"))
        }
        reportUnexpected(expected: context.followers, notes: notes)
        while !isPipelineFollower(current, context) { skipBalanced() }
    }

    /// Tokens at which a pipeline part ends: `|`, a separator, the end and,
    /// except at the top level of a statement, `,` and closing brackets.
    func isPipelineFollower(_ token: Token, _ context: PipelineContext? = nil) -> Bool {
        switch token.kind {
        case .newline, .endOfFile: true
        case .punctuation(.pipe), .punctuation(.semicolon): true
        case .punctuation(let p): context != .statement && [.comma, .rightParen, .rightBracket, .rightBrace].contains(p)
        default: false
        }
    }

    /// Consumes one token, or a whole bracketed group when it is an opening bracket.
    mutating func skipBalanced() {
        let first = advance()
        guard case .punctuation(let p) = first.kind, p.closing != nil else { return }
        var depth = 1
        while depth > 0, current.kind != .endOfFile, current.kind != .newline, !at(.semicolon) {
            if case .punctuation(let q) = advance().kind {
                if q.closing != nil { depth += 1 }
                if q.isClosing { depth -= 1 }
            }
        }
    }
}
