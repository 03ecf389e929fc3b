/// Habits from jq, nushell, KQL and SQL (see ``Habits``): each is reported with
/// a fix-it that spells it the cq way, then parsed as that, so the rest of
/// the statement is checked as the author meant it.
extension Parser {
    // MARK: Stages

    /// Parses a stage written the way another language writes it, or returns
    /// `nil` (consuming nothing) when the current tokens are not one.
    mutating func parseForeignStage() -> Stage? {
        let token = current
        guard case .identifier(let word) = token.kind else { return nil }
        let lower = word.lowercased()
        let next = peek()
        let adjacent = next.range.start == token.range.end
        if (lower == "sort" || lower == "group"), next.kind.is(.minus), adjacent,
            peek(2).kind.plainIdentifier == "by", peek(2).range.start == next.range.end
        {
            // nushell's `sort-by` and `group-by`.
            advance()
            advance()
            let written = SourceRange(start: token.range.start, end: current.range.end)
            report(
                .foreignStage(written: "\(lower)-by", cqForm: "\(lower) by"), written,
                fixIt: .init(range: written, replacement: "\(lower) by"))
            advance()
            return Stage(
                lower == "sort" ? .sort(parseSortKeys()) : parseGroup(byConsumed: true),
                range: range(from: token.range.start))
        }
        if lower == "select", next.kind.is(.leftParen), adjacent, peek(2).kind.is(.dot) {
            advance()
            report(.jqSelect, token.range, fixIt: .init(range: token.range, replacement: "where "))
            return Stage(.where(parseExpr()), range: range(from: token.range.start))
        }
        if Habits.jqStageFunctions.contains(lower), next.kind.is(.leftParen) {
            return parseJQStageFunction(lower)
        }
        if (lower == "order" || lower == "sort") && word != "sort", next.kind.plainIdentifier?.lowercased() == "by" {
            return parseForeignSort()
        }
        if lower == "summarize", Self.canStartExpression(next) {
            return parseSummarize()
        }
        guard let keyword = Habits.stageWords[lower], Self.canStartExpression(next), !next.kind.is(.leftParen)
        else { return nil }
        return parseForeignKeywordStage(keyword)
    }

    /// `limit 5`, `top 5 by duration`, `filter x > 1`, `project a, b`.
    private mutating func parseForeignKeywordStage(_ keyword: String) -> Stage {
        let word = advance()
        let start = word.range.start
        let before = diagnostics.count
        var kind = parseBuiltinStage(keyword, keyword: word)
        var cqForm = Stage(kind, range: .at(start)).printed()
        if case .slice(.take, let count?) = kind, Self.spelling(of: word)?.lowercased() == "top",
            current.kind.plainIdentifier?.lowercased() == "by"
        {
            // KQL's `top 5 by duration` (descending unless `asc`).
            advance()
            let keys = parseSortKeys(descendingUnlessAsc: true)
            kind = .sort(keys)
            cqForm = Stage(kind, range: .at(start)).printed() + " | take " + count.printed(atLeast: PrintLevel.expr)
        }
        let stage = Stage(kind, range: range(from: start))
        reportForeignStage(
            written: Self.spelling(of: word) ?? keyword, cqForm: cqForm, stage.range, clean: absorbHabits(since: before)
        )
        return stage
    }

    /// SQL's `order by x` (also `ORDER BY`, `SORT BY`).
    private mutating func parseForeignSort() -> Stage {
        let word = advance()
        let by = advance()
        let before = diagnostics.count
        let stage = Stage(.sort(parseSortKeys()), range: range(from: word.range.start))
        let written = (Self.spelling(of: word) ?? "order") + " " + (Self.spelling(of: by) ?? "by")
        reportForeignStage(written: written, cqForm: stage.printed(), stage.range, clean: absorbHabits(since: before))
        return stage
    }

    /// KQL's `summarize n = count() by name`: `group by name with n: count()`.
    private mutating func parseSummarize() -> Stage {
        let word = advance()
        let before = diagnostics.count
        let aggregates = parseColumns(stopWords: ["by"])
        var keys: [Column] = []
        if current.kind.plainIdentifier?.lowercased() == "by" {
            advance()
            keys = parseColumns()
        }
        let stage = Stage(.group(keys: keys, aggregates: aggregates), range: range(from: word.range.start))
        reportForeignStage(
            written: "summarize", cqForm: keys.isEmpty ? "group by …" : stage.printed(), stage.range,
            clean: !keys.isEmpty && absorbHabits(since: before))
        return stage
    }

    /// jq's `sort_by(.x)`, `group_by(.x)`, `unique_by(.x)`.
    private mutating func parseJQStageFunction(_ name: String) -> Stage {
        let word = advance()
        let open = advance()
        let before = diagnostics.count
        let columns = parseArguments(open: open).map { Column(value: $0.value) }
        let kind: Stage.Kind =
            switch name {
            case "sort_by": .sort(columns.map { SortKey(value: $0.value) })
            case "group_by": .group(keys: columns, aggregates: [])
            default: .distinct(columns)
            }
        let stage = Stage(kind, range: range(from: word.range.start))
        reportForeignStage(
            written: name + "(…)", cqForm: stage.printed(), stage.range,
            clean: !columns.isEmpty && absorbHabits(since: before))
        return stage
    }

    /// Whether everything reported since `before` is a habit read exactly as
    /// meant (a jq path, a spaced duration, `is null`); if so those reports
    /// are dropped, since the fix-it of the whole stage spells them the cq way.
    private mutating func absorbHabits(since before: Int) -> Bool {
        let exact: Set<String> = ["jq-path", "spaced-duration", "foreign-operator", "label-with-equals"]
        guard diagnostics[before...].allSatisfy({ exact.contains($0.id) && $0.fixIt != nil }) else { return false }
        diagnostics.removeSubrange(before...)
        return true
    }

    private mutating func reportForeignStage(written: String, cqForm: String, _ range: SourceRange, clean: Bool) {
        let diagnostic = Diagnostic(
            .foreignStage(written: written, cqForm: cqForm), range: range,
            fixIt: clean ? .init(range: range, replacement: cqForm) : nil)
        if !panicking { diagnostics.append(diagnostic) }
    }

    // MARK: Durations

    /// `7 days`, `2 hours`, `1.5 h`, `7 days ago`: a number followed by a unit
    /// word, read as the duration (or `ago(…)`) meant. `nil`, consuming nothing,
    /// when the current tokens are not one.
    mutating func parseSpacedDuration() -> Expr? {
        let number = current
        let unitToken = peek()
        let milliseconds: Double
        switch number.kind {
        case .integer(let value): milliseconds = Double(value)
        case .double(let value): milliseconds = value
        default: return nil
        }
        guard let word = unitToken.kind.plainIdentifier, let unit = Habits.durationUnit(word),
            let perUnit = Lexer.durationUnits[unit], !Self.continuesName(peek(2))
        else { return nil }
        let total = milliseconds * Double(perUnit)
        guard total.isFinite, total.rounded() == total, abs(total) < 1e15 else { return nil }
        let duration = Int64(total)
        let literal: String
        if case .integer(let count) = number.kind {
            literal = "\(count)\(unit)"
        } else {
            literal = DurationFormat.canonical(milliseconds: duration)
        }
        advance()
        advance()
        var expr = Expr(.literal(.duration(milliseconds: duration)), range: range(from: number.range.start))
        var cqForm = literal
        if current.kind.plainIdentifier?.lowercased() == "ago" {
            // `7 days ago` reads as `ago(7d)`.
            advance()
            cqForm = "ago(\(literal))"
            expr = Expr(
                .call(Identifier("ago", range: .at(number.range.start)), [CallArgument(value: expr)]),
                range: range(from: number.range.start))
        }
        let written = SourceRange(start: number.range.start, end: lastEnd)
        report(
            .spacedDuration(written: Self.spelledDuration(number, word), cqForm: cqForm), written,
            notes: [.init(Lexer.durationHelp)], fixIt: .init(range: written, replacement: cqForm))
        return expr
    }

    /// Whether `token` shows that the word before it is a name, not a unit:
    /// a call, a label, a lambda, a field access.
    private static func continuesName(_ token: Token) -> Bool {
        [.leftParen, .colon, .arrow, .dot, .leftBracket, .equal].contains { token.kind.is($0) }
    }

    private static func spelledDuration(_ number: Token, _ unit: String) -> String {
        switch number.kind {
        case .integer(let value): "\(value) \(unit)"
        case .double(let value): "\(value) \(unit)"
        default: unit
        }
    }

    // MARK: jq paths

    /// Whether the current tokens begin a jq path: `.` directly followed by a
    /// name or `[`.
    var isAtJQPath: Bool {
        guard at(.dot) else { return false }
        let next = peek()
        guard next.range.start == current.range.end else { return false }
        return next.kind.anyIdentifier != nil || next.kind.is(.leftBracket)
    }

    /// A jq path (`.vcs.branch`, `.items[]`, `.[0]`) read as the cq
    /// expression it means, and whether it iterated (`[]`).
    mutating func parseJQPath() -> (expr: Expr, iterates: Bool) {
        let dot = advance()
        var base: Expr
        if let name = current.kind.anyIdentifier {
            let token = advance()
            base = Expr(.name(name), range: token.range)
        } else {
            base = Expr(.it, range: dot.range)
        }
        var iterates = false
        var progress = LoopProgress()
        while progress.advanced(to: index), current.range.start == lastEnd {
            if at(.dot), let name = peek().kind.anyIdentifier, peek().range.start == current.range.end {
                advance()
                let field = advance()
                base = Expr(.member(base, Identifier(name, range: field.range)), range: range(from: dot.range.start))
            } else if at(.leftBracket), peek().kind.is(.rightBracket) {
                advance()
                advance()
                iterates = true
            } else if let open = consume(.leftBracket) {
                let position = parsePipeline(.index)
                expectClosing(.rightBracket, opener: open)
                base = Expr(.index(base, position), range: range(from: dot.range.start))
            } else {
                break
            }
        }
        return (Expr(base.kind, range: range(from: dot.range.start)), iterates)
    }

    /// A jq path where an expression stands: reported, and read as the cq path.
    mutating func parseJQPathExpression() -> Expr {
        let start = current.range.start
        let before = diagnostics.count
        let (expr, _) = parseJQPath()
        let written = range(from: start)
        let cqForm = expr.printed()
        report(
            .jqPath(cqForm: cqForm), written,
            notes: [.init("inside a stage, bare names are fields of the row and `it` is the row itself")],
            fixIt: diagnostics.count == before ? .init(range: written, replacement: cqForm) : nil)
        return expr
    }

    /// A jq path used as a stage (`| .name`, `| .items[]`): `map name`,
    /// `map items | flatten`, or `flatten` for `.[]`.
    mutating func parseJQPathStage() -> Stage {
        let start = current.range.start
        let before = diagnostics.count
        let (expr, iterates) = parseJQPath()
        let written = range(from: start)
        let stage: Stage
        let cqForm: String
        if case .it = expr.kind, iterates {
            stage = Stage(.call(Identifier("flatten", range: written), []), range: written)
            cqForm = "flatten"
        } else {
            stage = Stage(.map(expr), range: written)
            cqForm = stage.printed() + (iterates ? " | flatten" : "")
        }
        report(
            .jqPath(cqForm: cqForm), written,
            notes: [.init("`map` computes a value from each row; bare names are fields of the row")],
            fixIt: diagnostics.count == before ? .init(range: written, replacement: cqForm) : nil)
        return stage
    }

    // MARK: Operators

    /// An operator spelled the SQL way at the current token: `is null`,
    /// `is not null`, `AND`, `OR`, `IN`. Reported with its cq spelling.
    func foreignBinaryOperator() -> (
        op: BinaryOperator, width: Int, written: String, cq: String, comparesWithNull: Bool
    )? {
        guard case .identifier(let word) = current.kind else { return nil }
        let lower = word.lowercased()
        if lower == "is" {
            let isNull = { (token: Token) in token.kind.is(.null) || token.kind.plainIdentifier?.lowercased() == "null"
            }
            if isNull(peek()) { return (.equal, 2, "\(word) \(Self.spelling(of: peek()) ?? "null")", "== null", true) }
            let negation = peek()
            if negation.kind.is(.not) || negation.kind.plainIdentifier?.lowercased() == "not", isNull(peek(2)) {
                let written = "\(word) \(Self.spelling(of: negation) ?? "not") \(Self.spelling(of: peek(2)) ?? "null")"
                return (.notEqual, 3, written, "!= null", true)
            }
            return nil
        }
        guard word != lower, let op = Habits.upperCaseOperators[lower], Self.canStartExpression(peek()) else {
            return nil
        }
        return (op, 1, word, lower, false)
    }
}
