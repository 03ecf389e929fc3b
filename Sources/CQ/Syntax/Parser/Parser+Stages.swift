extension Parser {
    /// `stage = "where" expr | "select" … | … | name [ "(" arguments ")" ]`
    mutating func parseStage() -> Stage {
        let token = current
        let start = token.range.start
        if let foreign = parseForeignStage() { return foreign }
        if isAtJQPath { return parseJQPathStage() }
        switch token.kind {
        case .identifier(let word) where StageKeywords.all.contains(word):
            advance()
            let kind = parseBuiltinStage(word, keyword: token)
            return Stage(kind, range: range(from: start))
        case .identifier(let name) where isMisspelledStageKeyword(name):
            // `| selct name`: a typo of a keyword stage, followed by its operand.
            let keyword = Suggestions.closest(to: name, among: StageKeywords.all) ?? name
            report(
                .misspelledStage(written: name, keyword: keyword), token.range,
                fixIt: Diagnostic.FixIt(range: token.range, replacement: keyword))
            advance()
            return Stage(parseBuiltinStage(keyword, keyword: token), range: range(from: start))
        case .identifier(let name), .quotedIdentifier(let name):
            advance()
            let identifier = Identifier(name, range: token.range)
            var arguments: [CallArgument] = []
            if let open = consume(.leftParen) { arguments = parseArguments(open: open) }
            return Stage(.call(identifier, arguments), range: range(from: start))
        default:
            let missing = Stage(.call(Identifier("", range: .at(lastEnd)), []), range: .at(lastEnd))
            if current.kind == .newline || current.kind == .endOfFile || at(.pipe) || at(.semicolon) {
                report(.expectedStage, .at(lastEnd))
                return missing
            }
            var notes: [Diagnostic.Note] = []
            if at(.dot) {
                notes.append(.init("cq has no jq-style `.field`; write `map it.field` or `select field`"))
            } else if Self.canStartExpression(token), !token.kind.is(.not) {
                notes.append(.init("a stage is a name such as `where`, `select`, `count` or `jobs`; to compute a value for each row, use `map`"))
            }
            if token.kind != .error { report(.expectedStage, token.range, notes: notes) }
            while !isPipelineFollower(current) { skipBalanced() }
            return missing
        }
    }

    /// A stage name that is not a keyword but close to one, followed on the
    /// same line by something that can start an expression (its operand).
    private func isMisspelledStageKeyword(_ name: String) -> Bool {
        guard Suggestions.closest(to: name, among: StageKeywords.all) != nil else { return false }
        let next = peek(1)
        return Self.canStartExpression(next) && !next.kind.is(.leftParen) && next.kind != .newline
    }

    mutating func parseBuiltinStage(_ word: String, keyword: Token) -> Stage.Kind {
        switch word {
        case "where":
            return .where(parseExpr())
        case "select":
            if let identity = parseSelectStar(keyword: keyword) { return identity }
            return .select(parseColumns())
        case "sort":
            return .sort(parseSortClause())
        case "group":
            return parseGroup()
        case "take":
            return .slice(.take, parseExpr())
        case "skip":
            return .slice(.skip, parseExpr())
        case "first":
            return .slice(.first, Self.canStartExpression(current) ? parseExpr() : nil)
        case "last":
            return .slice(.last, Self.canStartExpression(current) ? parseExpr() : nil)
        case "distinct":
            return .distinct(Self.canStartExpression(current) ? parseColumns() : [])
        default:  // "map", "each"
            return .map(parseExpr())
        }
    }

    /// `[ "by" sort_key { "," sort_key } ]` after `sort`.
    private mutating func parseSortClause() -> [SortKey] {
        if at(word: "by") {
            advance()
        } else if Self.canStartExpression(current) {
            report(
                .expectedBy(stage: "sort"), .at(lastEnd),
                fixIt: .init(range: .at(current.range.start), replacement: "by "))
        } else {
            return []
        }
        return parseSortKeys()
    }

    /// `sort_key { "," sort_key }`; with `descendingUnlessAsc` (KQL's `top … by`)
    /// a key without `asc` or `desc` is descending.
    mutating func parseSortKeys(descendingUnlessAsc: Bool = false) -> [SortKey] {
        var keys = [parseSortKey(descendingUnlessAsc: descendingUnlessAsc)]
        var progress = LoopProgress()
        while progress.advanced(to: index), continuesList(between: "sort keys") {
            keys.append(parseSortKey(descendingUnlessAsc: descendingUnlessAsc))
        }
        return keys
    }

    /// `sort_key = expr [ "asc" | "desc" ]`; SQL's `DESC`, `ascending` … are
    /// reported with the cq word and read as it.
    private mutating func parseSortKey(descendingUnlessAsc: Bool = false) -> SortKey {
        let value = parseExpr()
        guard let word = current.kind.plainIdentifier else {
            return SortKey(value: value, descending: descendingUnlessAsc)
        }
        let direction: String
        switch word.lowercased() {
        case "asc", "ascending": direction = "asc"
        case "desc", "descending": direction = "desc"
        default: return SortKey(value: value, descending: descendingUnlessAsc)
        }
        let token = advance()
        if word != direction {
            report(
                .foreignOperator(written: word, cqSpelling: direction), token.range,
                fixIt: .init(range: token.range, replacement: direction))
        }
        return SortKey(value: value, descending: direction == "desc")
    }

    /// SQL's `select *` (the rows unchanged): reported with a fix-it removing
    /// the stage, and read as `map it`.
    private mutating func parseSelectStar(keyword: Token) -> Stage.Kind? {
        guard at(.star), isPipelineFollower(peek(), .parentheses) else { return nil }
        let star = advance()
        let keywordIndex = tokens.firstIndex { $0.range == keyword.range } ?? 0
        let pipe = keywordIndex > 0 && tokens[keywordIndex - 1].kind.is(.pipe) ? tokens[keywordIndex - 1] : nil
        let stageRange = SourceRange(start: pipe?.range.start ?? keyword.range.start, end: star.range.end)
        report(.selectStar, SourceRange(start: keyword.range.start, end: star.range.end),
               fixIt: pipe.map { _ in .init(range: stageRange, replacement: "") })
        return .map(Expr(.it, range: star.range))
    }

    /// `"group" "by" column { "," column } [ "with" column { "," column } ]`
    /// `byConsumed`: the caller has read the `by` (nushell's `group-by`).
    mutating func parseGroup(byConsumed: Bool = false) -> Stage.Kind {
        if at(word: "by"), !byConsumed {
            advance()
        } else if !byConsumed {
            let insertAt = Self.canStartExpression(current) ? current.range.start : lastEnd
            report(
                .expectedBy(stage: "group"), .at(lastEnd),
                notes: [.init("`group` is written `group by key, … [with name: aggregate(…), …]`")],
                fixIt: .init(range: .at(insertAt), replacement: insertAt == lastEnd ? " by" : "by "))
        }
        let keys = parseColumns(stopWords: ["with"])
        var aggregates: [Column] = []
        if at(word: "with") {
            advance()
            aggregates = parseColumns()
        }
        return .group(keys: keys, aggregates: aggregates)
    }

    /// `column { "," column }`; a missing `,` before something that starts an
    /// expression is reported and assumed.
    mutating func parseColumns(stopWords: Set<String> = []) -> [Column] {
        if !Self.canStartExpression(current) {
            report(.expected("a column", after: Self.spelling(of: previous)), .at(lastEnd))
        }
        var columns = [parseColumn()]
        var progress = LoopProgress()
        while progress.advanced(to: index), continuesList(between: "columns", stopWords: stopWords) {
            columns.append(parseColumn())
        }
        return columns
    }

    /// `column = [ ( name | STRING ) ":" ] expr`
    private mutating func parseColumn() -> Column {
        let label = parseLabel()
        return Column(label: label, value: parseExpr())
    }

    /// A `name:` or `"quoted name":` label, if the current tokens are one
    /// (`name =` is reported and read as `name:`).
    mutating func parseLabel() -> Identifier? {
        parseLabelAndEquals().label
    }

    /// A label as ``parseLabel()`` reads it, and where `=` stood instead of `:`.
    mutating func parseLabelAndEquals() -> (label: Identifier?, equals: SourceRange?) {
        let token = current
        if peek().kind.is(.equal), let name = token.kind.anyIdentifier {
            advance()
            let equals = advance()
            report(.labelWithEquals, equals.range, fixIt: .init(range: equals.range, replacement: ":"))
            return (Identifier(name, range: token.range), equals.range)
        }
        guard peek().kind.is(.colon) else { return (nil, nil) }
        let name: String
        switch token.kind {
        case .identifier(let n), .quotedIdentifier(let n): name = n
        case .keyword(let k): name = k.rawValue
        case .string(let string):
            name = Self.plainText(of: string)
            if string.parts.contains(where: { if case .interpolation = $0 { true } else { false } }) {
                report(.interpolatedLabel, token.range)
            }
        default: return (nil, nil)
        }
        advance()
        advance()
        return (Identifier(name, range: token.range), nil)
    }

    /// After a list item: consumes `,` and says whether another item follows;
    /// reports a missing `,` when the next token starts an expression.
    mutating func continuesList(between items: String, stopWords: Set<String> = []) -> Bool {
        if consume(.comma) != nil { return true }
        if let word = current.kind.plainIdentifier, stopWords.contains(word) { return false }
        guard Self.canStartExpression(current), current.kind != .error, !at(.minus) else { return false }
        report(
            .expectedComma(between: items), .at(lastEnd),
            fixIt: .init(range: .at(lastEnd), replacement: ","))
        return true
    }

    /// The text parts of a string token, joined.
    static func plainText(of string: StringToken) -> String {
        string.parts.map { part in
            if case .text(let text) = part { return text }
            return ""
        }.joined()
    }
}
