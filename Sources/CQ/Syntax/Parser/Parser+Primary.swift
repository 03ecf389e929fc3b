extension Parser {
    /// `postfix = primary { "." field | "[" pipeline "]" }`
    mutating func parsePostfix() -> Expr {
        var base = parsePrimary()
        var chained = 0
        var progress = LoopProgress()
        while progress.advanced(to: index) {
            // Each `.field` or `[index]` nests the tree one level deeper.
            if at(.dot) || at(.leftBracket) {
                chained += 1
                if depth + chained > Self.maxDepth { return nestingTooDeep() }
            }
            if at(.dot) {
                guard let next = parseMember(of: base) else { break }
                base = next
            } else if let open = consume(.leftBracket) {
                let position = parsePipeline(.index)
                expectClosing(.rightBracket, opener: open)
                base = Expr(.index(base, position), range: range(from: base.range.start))
            } else {
                break
            }
        }
        return base
    }

    /// `"." field`, where a field is any identifier or keyword.
    private mutating func parseMember(of base: Expr) -> Expr? {
        let dot = advance()
        let token = current
        let name: String
        switch token.kind {
        case .identifier(let n), .quotedIdentifier(let n): name = n
        case .keyword(let k): name = k.rawValue
        default:
            var notes: [Diagnostic.Note] = []
            if case .integer(let n) = token.kind { notes.append(.init("to index a list, write `[\(n)]`")) }
            report(.expected("a field name", after: "."), .at(dot.range.end), notes: notes)
            return nil
        }
        advance()
        let field = Identifier(name, range: token.range)
        if at(.leftParen), current.range.start == token.range.end {
            let open = advance()
            report(.methodCall(name), token.range)
            let arguments = [CallArgument(value: base)] + parseArguments(open: open)
            return Expr(.call(field, arguments), range: range(from: base.range.start))
        }
        return Expr(.member(base, field), range: range(from: base.range.start))
    }

    /// `primary = literal | string | list | record | call | name | VARIABLE | "it" | "(" pipeline ")"`
    mutating func parsePrimary() -> Expr {
        let token = current
        if let duration = parseSpacedDuration() { return duration }
        if isAtJQPath { return parseJQPathExpression() }
        switch token.kind {
        case .integer(let value): return literal(.int(value))
        case .double(let value): return literal(.double(value))
        case .duration(let ms): return literal(.duration(milliseconds: ms))
        case .keyword(.true): return literal(.bool(true))
        case .keyword(.false): return literal(.bool(false))
        case .keyword(.null): return literal(.null)
        case .keyword(.it):
            advance()
            return Expr(.it, range: token.range)
        case .variable(let name):
            advance()
            return Expr(.variable(name), range: token.range)
        case .string(let string):
            advance()
            return parseString(string, range: token.range)
        case .identifier(let name), .quotedIdentifier(let name):
            if isAtLambda() { return parseWrapped("a lambda") { $0.parseLambda() } }
            advance()
            guard let open = consume(.leftParen) else { return Expr(.name(name), range: token.range) }
            let arguments = parseArguments(open: open)
            return Expr(.call(Identifier(name, range: token.range), arguments), range: range(from: token.range.start))
        case .punctuation(.leftParen):
            if isAtLambda() { return parseWrapped("a lambda") { $0.parseLambda() } }
            return parseParenthesized()
        case .punctuation(.leftBracket): return parseList()
        case .punctuation(.leftBrace): return parseRecord()
        case .keyword(.if): return parseWrapped("`if … then … else …`") { $0.parseConditional() }
        case .keyword(.not): return parseWrapped("`not …`") { $0.parseBinary(3) }
        case .error:
            advance()
            return Expr(.missing, range: token.range)
        default:
            report(.expectedExpression(after: Self.spelling(of: previous)), .at(lastEnd))
            return Expr(.missing, range: .at(lastEnd))
        }
    }

    private mutating func literal(_ value: Literal) -> Expr {
        Expr(.literal(value), range: advance().range)
    }

    /// Parses a construct that must be parenthesized where it stands, after saying so.
    private mutating func parseWrapped(_ what: String, _ parse: (inout Parser) -> Expr) -> Expr {
        report(.needsParentheses(what), current.range)
        guard depth < Self.maxDepth else { return nestingTooDeep() }
        depth += 1
        defer { depth -= 1 }
        return parse(&self)
    }

    /// `"(" pipeline ")"`
    private mutating func parseParenthesized() -> Expr {
        let open = advance()
        let inner = parsePipeline(.parentheses)
        expectClosing(.rightParen, opener: open)
        return Expr(inner.kind, range: range(from: open.range.start))
    }

    /// `"[" [ pipeline { "," pipeline } [","] ] "]"`
    private mutating func parseList() -> Expr {
        let open = advance()
        var elements: [Expr] = []
        var progress = LoopProgress()
        while !at(.rightBracket), !atStatementEnd, progress.advanced(to: index) {
            elements.append(parsePipeline(.list))
            guard continuesList(between: "list elements") else { break }
        }
        expectClosing(.rightBracket, opener: open)
        return Expr(.list(elements), range: range(from: open.range.start))
    }

    /// `"{" [ entry { "," entry } [","] ] "}"`
    private mutating func parseRecord() -> Expr {
        let open = advance()
        var entries: [RecordEntry] = []
        var progress = LoopProgress()
        while !at(.rightBrace), !atStatementEnd, progress.advanced(to: index) {
            if let entry = parseRecordEntry() { entries.append(entry) }
            guard continuesList(between: "record entries") else { break }
        }
        expectClosing(.rightBrace, opener: open)
        return Expr(.record(entries), range: range(from: open.range.start))
    }

    /// `entry = ( name | STRING ) [ ":" pipeline ]`; `{name}` is `{name: name}`.
    private mutating func parseRecordEntry() -> RecordEntry? {
        if let key = parseLabel() { return RecordEntry(key: key, value: parsePipeline(.record)) }
        let token = current
        let name: String
        switch token.kind {
        case .identifier(let n), .quotedIdentifier(let n): name = n
        case .string(let string): name = Self.plainText(of: string)
        default:
            reportUnexpected(expected: "a field name or a quoted key")
            while !isPipelineFollower(current) { skipBalanced() }
            return nil
        }
        advance()
        return RecordEntry(key: Identifier(name, range: token.range), value: Expr(.name(name), range: token.range))
    }

    /// `arguments = [ argument { "," argument } [","] ] ")"`, after the `(`.
    mutating func parseArguments(open: Token) -> [CallArgument] {
        var arguments: [CallArgument] = []
        if at(.star), peek().kind.is(.rightParen), index >= 2, let callee = Self.spelling(of: tokens[index - 2]) {
            // SQL's `count(*)`.
            let star = advance()
            report(.starArgument(function: callee), star.range, fixIt: .init(range: star.range, replacement: ""))
        }
        var progress = LoopProgress()
        while !at(.rightParen), !atStatementEnd, progress.advanced(to: index) {
            let (label, equals) = parseLabelAndEquals()
            arguments.append(CallArgument(label: label, value: parsePipeline(.arguments), equalsRange: equals))
            guard continuesList(between: "arguments") else { break }
        }
        expectClosing(.rightParen, opener: open)
        return arguments
    }

    /// A string token: a plain literal, or an interpolated string whose
    /// `\(…)` parts are parsed by nested parsers.
    private mutating func parseString(_ string: StringToken, range: SourceRange) -> Expr {
        var parts: [StringPart] = []
        var interpolated = false
        for part in string.parts {
            switch part {
            case .text(let text):
                parts.append(.text(text))
            case .interpolation(let tokens, let partRange, _):
                interpolated = true
                parts.append(.expression(parseInterpolation(tokens, range: partRange)))
            }
        }
        guard interpolated else { return Expr(.literal(.string(Self.plainText(of: string))), range: range) }
        return Expr(.interpolatedString(parts), range: range)
    }

    private mutating func parseInterpolation(_ tokens: [Token], range: SourceRange) -> Expr {
        let layout = NewlineRules.layout(tokens, nested: true)
        nestedComments += layout.comments
        var nested = Parser(tokens: layout.tokens, depth: depth + 1)
        nested.lastEnd = range.start + 2
        let value: Expr
        if nested.current.kind == .endOfFile {
            nested.report(.expectedExpression(after: "\\("), .at(range.start + 2))
            value = Expr(.missing, range: .at(range.start + 2))
        } else if nested.depth > Self.maxDepth {
            value = nested.nestingTooDeep()
        } else {
            value = nested.parsePipeline(.interpolation)
            if nested.current.kind != .endOfFile {
                nested.reportUnexpected(expected: "`)` to end the interpolation")
            }
        }
        diagnostics += nested.diagnostics
        nestedComments += nested.nestedComments
        return value
    }
}
