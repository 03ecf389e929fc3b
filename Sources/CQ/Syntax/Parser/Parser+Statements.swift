extension Parser {
    /// `program = { sep } [ statement { sep { sep } statement } ] { sep }`
    mutating func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        var progress = LoopProgress()
        skipSeparators()
        while current.kind != .endOfFile {
            guard progress.advanced(to: index) else {
                advance()
                continue
            }
            if let statement = parseStatement() { statements.append(statement) }
            if !atStatementEnd {
                reportUnexpected(expected: "a newline or `;` after the statement")
                skipToStatementEnd()
            }
            panicking = false
            skipSeparators()
        }
        return statements
    }

    /// `statement = "let" … | "def" … | pipeline`
    mutating func parseStatement() -> Statement? {
        let start = current.range.start
        if at(.let) { return parseLet() }
        if at(.def) { return parseDef() }
        guard Self.canStartExpression(current) else {
            reportUnexpected(expected: "a statement")
            skipToStatementEnd()
            return nil
        }
        if let word = current.kind.plainIdentifier, StageKeywords.all.contains(word), startsOperand(peek()) {
            report(
                .stageOutsidePipeline(word), current.range,
                notes: [.init("a stage takes its rows from what comes before it, e.g. `jobs | \(word) …`")])
            let chain = parseStageChain()
            return Statement(.expression(chain), range: range(from: start))
        }
        let value = parsePipeline(.statement)
        return Statement(.expression(value), range: range(from: start))
    }

    /// Whether `token`, after a stage keyword at the start of a statement, shows
    /// that a stage was meant (`where x`, not the call `first(xs)` or `last - 1`).
    private func startsOperand(_ token: Token) -> Bool {
        if token.kind.is(.leftParen) || token.kind.is(.leftBracket) || token.kind.is(.minus) { return false }
        return Self.canStartExpression(token) || token.kind.plainIdentifier == "by"
    }

    /// `"let" name "=" pipeline`
    mutating func parseLet() -> Statement {
        let keyword = advance()
        let name = parseBindingName(after: "let")
        parseBindingEquals()
        let value = parsePipeline(.statement)
        return Statement(.let(name, value), range: range(from: keyword.range.start))
    }

    /// `"def" name [ "(" [ name { "," name } ] ")" ] "=" ( stage_chain | pipeline )`
    mutating func parseDef() -> Statement {
        let keyword = advance()
        let name = parseBindingName(after: "def")
        var parameters: [Identifier] = []
        if let open = consume(.leftParen) {
            var progress = LoopProgress()
            while !at(.rightParen), !atStatementEnd, progress.advanced(to: index) {
                parameters.append(parseBindingName(after: parameters.isEmpty ? "(" : ","))
                if consume(.comma) == nil, !at(.rightParen) {
                    reportUnexpected(expected: "`,` or `)` in the parameter list")
                    break
                }
            }
            expectClosing(.rightParen, opener: open)
        }
        parseBindingEquals()
        let body: Expr
        if let word = current.kind.plainIdentifier, StageKeywords.all.contains(word) {
            body = parseStageChain()
        } else {
            body = parsePipeline(.statement)
        }
        return Statement(
            .def(name, parameters: parameters, body: body), range: range(from: keyword.range.start))
    }

    /// The name bound by `let`, `def` or a `def` parameter.
    mutating func parseBindingName(after context: String) -> Identifier {
        switch current.kind {
        case .identifier(let name), .quotedIdentifier(let name):
            let token = advance()
            return Identifier(name, range: token.range)
        case .variable(let name):
            let token = advance()
            report(
                .dollarInBinding, token.range,
                notes: [.init("refer to it later as `\(name)` or `$\(name)`")],
                fixIt: .init(range: token.range, replacement: name))
            return Identifier(name, range: token.range)
        case .keyword(let keyword) where peek().kind.is(.equal) || peek().kind.is(.leftParen):
            let token = advance()
            report(
                .expectedName(after: context), token.range,
                notes: [.init("`\(keyword.rawValue)` is a reserved word; quote it as `` `\(keyword.rawValue)` ``")])
            return Identifier(keyword.rawValue, range: token.range)
        default:
            report(.expectedName(after: context), .at(lastEnd))
            return Identifier("", range: .at(lastEnd))
        }
    }

    /// The `=` of `let` and `def`, accepting `==` with a diagnostic.
    mutating func parseBindingEquals() {
        if consume(.equal) != nil { return }
        if at(.equalEqual) {
            let token = advance()
            report(.comparisonInBinding, token.range, fixIt: .init(range: token.range, replacement: "="))
            return
        }
        report(.expected("`=`", after: Self.spelling(of: previous)), .at(lastEnd),
               fixIt: .init(range: .at(lastEnd), replacement: " ="))
    }

    /// Skips newlines and `;`.
    mutating func skipSeparators() {
        while current.kind == .newline || at(.semicolon) { advance() }
    }

    /// Skips to the next separator or the end.
    mutating func skipToStatementEnd() {
        while !atStatementEnd { advance() }
    }
}
