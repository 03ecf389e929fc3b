extension Parser {
    /// `expr = lambda | "if" expr "then" expr "else" expr | binary`
    mutating func parseExpr() -> Expr {
        guard depth < Self.maxDepth else { return nestingTooDeep() }
        depth += 1
        defer { depth -= 1 }
        if isAtLambda() { return parseLambda() }
        if at(.if) { return parseConditional() }
        return parseBinary(1)
    }

    /// `name "=>" expr | "(" [ name { "," name } ] ")" "=>" expr`
    mutating func parseLambda() -> Expr {
        let start = current.range.start
        var parameters: [Identifier] = []
        if let open = consume(.leftParen) {
            var progress = LoopProgress()
            while progress.advanced(to: index), let name = current.kind.anyIdentifier {
                parameters.append(Identifier(name, range: advance().range))
                if consume(.comma) == nil { break }
            }
            expectClosing(.rightParen, opener: open)
        } else if let name = current.kind.anyIdentifier {
            parameters.append(Identifier(name, range: advance().range))
        }
        if consume(.arrow) == nil { report(.expected("`=>`", after: nil), .at(lastEnd)) }
        let body = parseExpr()
        return Expr(.lambda(parameters: parameters, body: body), range: range(from: start))
    }

    /// Whether the current tokens begin a lambda: `x =>`, `() =>` or `(a, b) =>`.
    func isAtLambda() -> Bool {
        if current.kind.anyIdentifier != nil { return peek().kind.is(.arrow) }
        guard at(.leftParen) else { return false }
        var offset = 1
        if peek(offset).kind.is(.rightParen) { return peek(offset + 1).kind.is(.arrow) }
        while peek(offset).kind.anyIdentifier != nil {
            offset += 1
            if peek(offset).kind.is(.rightParen) { return peek(offset + 1).kind.is(.arrow) }
            guard peek(offset).kind.is(.comma) else { return false }
            offset += 1
        }
        return false
    }

    /// `"if" expr "then" expr "else" expr`
    mutating func parseConditional() -> Expr {
        let keyword = advance()
        let condition = parseExpr()
        if at(.then) {
            advance()
        } else {
            report(
                .expected("`then`", after: nil), .at(lastEnd),
                notes: [.init("a conditional is written `if condition then a else b`")])
        }
        let then = parseExpr()
        let otherwise: Expr
        if at(.else) {
            advance()
            otherwise = parseExpr()
        } else {
            report(
                .expected("`else`", after: nil), .at(lastEnd),
                notes: [.init("every `if` needs an `else`; use `else null` for nothing")])
            otherwise = Expr(.missing, range: .at(lastEnd))
        }
        return Expr(
            .conditional(condition: condition, then: then, else: otherwise), range: range(from: keyword.range.start))
    }

    /// Precedence climbing over ``BinaryOperator/precedence``. `not` is a prefix at
    /// level 3; comparisons (level 4) do not chain.
    mutating func parseBinary(_ minimum: Int) -> Expr {
        var left: Expr
        if at(.not) {
            left = parseNot(allowed: minimum <= 3)
        } else {
            left = parseNegation()
        }
        var previousComparison: Token?
        var chained = 0
        var progress = LoopProgress()
        while progress.advanced(to: index) {
            let foreign = binaryOperator() == nil ? foreignBinaryOperator() : nil
            guard let (op, width) = binaryOperator() ?? foreign.map({ ($0.op, $0.width) }), op.precedence >= minimum
            else { break }
            let operatorToken = current
            if at(.equal) {
                report(
                    .assignmentInExpression, operatorToken.range,
                    notes: [.init("to bind a name, write `let name = …`")],
                    fixIt: .init(range: operatorToken.range, replacement: "=="))
            }
            if op.isComparison {
                if let previousComparison {
                    report(
                        .chainedComparison, operatorToken.range,
                        notes: [.init("the previous comparison is here", range: previousComparison.range)])
                }
                previousComparison = operatorToken
            }
            // Each operator nests the tree one level deeper on the left.
            chained += 1
            if depth + chained > Self.maxDepth { return nestingTooDeep() }
            for _ in 0..<width { advance() }
            if let foreign {
                // SQL's `is null`, `is not null`, `AND`: read as cq's operator.
                let written = SourceRange(start: operatorToken.range.start, end: lastEnd)
                report(
                    .foreignOperator(written: foreign.written, cqSpelling: foreign.cq), written,
                    fixIt: .init(range: written, replacement: foreign.cq))
                let right = foreign.comparesWithNull
                    ? Expr(.literal(.null), range: .at(lastEnd)) : parseBinary(op.precedence + 1)
                left = Expr(.binary(op, left, right), range: range(from: left.range.start))
                continue
            }
            let right = parseBinary(op.precedence + 1)
            let whole = range(from: left.range.start)
            if width == 2 {
                left = Expr(.unary(.not, Expr(.binary(.in, left, right), range: whole)), range: whole)
            } else {
                left = Expr(.binary(op, left, right), range: whole)
            }
        }
        return left
    }

    /// `"not" not_expr`
    private mutating func parseNot(allowed: Bool) -> Expr {
        let keyword = advance()
        if !allowed {
            report(
                .needsParentheses("`not …`"), keyword.range,
                notes: [.init("`not` binds looser than comparisons: `not a == b` means `not (a == b)`")])
        }
        guard depth < Self.maxDepth else { return nestingTooDeep() }
        depth += 1
        defer { depth -= 1 }
        let operand = parseBinary(3)
        return Expr(.unary(.not, operand), range: range(from: keyword.range.start))
    }

    /// `unary = "-" unary | postfix`
    private mutating func parseNegation() -> Expr {
        guard at(.minus) else { return parsePostfix() }
        let minus = advance()
        guard depth < Self.maxDepth else { return nestingTooDeep() }
        depth += 1
        defer { depth -= 1 }
        let operand = parseNegation()
        return Expr(.unary(.negate, operand), range: range(from: minus.range.start))
    }

    /// The binary operator at the current token and how many tokens spell it
    /// (2 for `not in`). A lone `=` is read as `==` (and reported when consumed).
    func binaryOperator() -> (BinaryOperator, Int)? {
        switch current.kind {
        case .punctuation(let p):
            switch p {
            case .equalEqual, .equal: return (.equal, 1)
            case .bangEqual: return (.notEqual, 1)
            case .less: return (.less, 1)
            case .lessEqual: return (.lessOrEqual, 1)
            case .greater: return (.greater, 1)
            case .greaterEqual: return (.greaterOrEqual, 1)
            case .tildeMatch: return (.matches, 1)
            case .bangTilde: return (.notMatches, 1)
            case .plus: return (.add, 1)
            case .minus: return (.subtract, 1)
            case .star: return (.multiply, 1)
            case .slash: return (.divide, 1)
            case .percent: return (.remainder, 1)
            case .questionQuestion: return (.coalesce, 1)
            default: return nil
            }
        case .keyword(.and): return (.and, 1)
        case .keyword(.or): return (.or, 1)
        case .keyword(.in): return (.in, 1)
        case .keyword(.not) where peek().kind.is(.in): return (.in, 2)
        default: return nil
        }
    }

    /// Reports that nesting is too deep, then abandons the rest of the statement.
    mutating func nestingTooDeep() -> Expr {
        let at = current.range
        report(.nestingTooDeep(limit: Self.maxDepth), at)
        panicking = true
        skipToStatementEnd()
        return Expr(.missing, range: at)
    }

    /// Whether `token` can begin an expression.
    static func canStartExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .quotedIdentifier, .variable, .integer, .double, .duration, .string, .error:
            return true
        case .keyword(let k):
            return [.true, .false, .null, .it, .not, .if].contains(k)
        case .punctuation(let p):
            return [.leftParen, .leftBracket, .leftBrace, .minus].contains(p)
        default:
            return false
        }
    }
}
