extension CompletionEngine {
    /// Candidates for a cursor in code (not in a string).
    func codeCandidates(_ analysis: CursorAnalysis) -> [Completion.Candidate] {
        let row = rowType(analysis)
        let stage = analysis.stageTokens
        if analysis.isInStage, stage.isEmpty { return stageNames(for: row) }
        if case .variable? = analysis.currentWordKind { return variables() }
        if let first = stage.first?.kind.anyIdentifier, stage.count == 1, analysis.isInStage,
            first == "sort" || first == "group"
        {
            return [Completion.Candidate("by", suffix: " ", kind: .keyword)]
        }
        if analysis.previous?.kind == .punctuation(.dot) {
            return fields(of: memberBaseType(before: stage.dropLast(), row: row))
        }
        if let values = enumValues(analysis, row: row), !values.isEmpty {
            return values.map { Completion.Candidate("\"\($0)\"", kind: .value) }
        }
        var candidates: [Completion.Candidate] = []
        if let callee = analysis.openerCallee, analysis.opener?.kind == .punctuation(.leftParen),
            let builtin = registry.builtin(named: callee),
            analysis.allTokens.last?.kind == .punctuation(.leftParen) || analysis.allTokens.last?.kind == .punctuation(.comma)
        {
            candidates += labels(of: builtin, given: analysis.segment)
        }
        if let schema = row?.recordSchema { candidates += fields(of: .record(schema)) }
        if analysis.isInStage, let keyword = stage.first?.kind.anyIdentifier {
            let extra = ["sort": ["desc", "asc"], "group": ["with"]][keyword] ?? []
            candidates += extra.map { Completion.Candidate($0, suffix: " ", kind: .keyword) }
        }
        candidates += functionNames() + variables(bare: true)
        candidates += keywords(atStatementStart: analysis.segment.isEmpty && analysis.opener == nil)
        return candidates
    }

    /// The type of the rows entering the stage at the cursor, if it is in a stage.
    func rowType(_ analysis: CursorAnalysis) -> ValueType? {
        guard let upstream = analysis.upstreamText else { return nil }
        let parsed = Parser.parse(SourceFile(name: "completion", text: upstream))
        guard let statement = parsed.program.statements.last, case .expression(let expr) = statement.kind else {
            return nil
        }
        let type = Checker(registry: registry).type(of: expr, bindings: bindings)
        return type.elementType ?? type.unwrapped
    }

    /// The type of the expression before a `.`: a chain such as `trigger.actor`,
    /// `it.vcs`, `$p.vcs` or `project("x").vcs_info`.
    func memberBaseType(before tokens: ArraySlice<Token>, row: ValueType?) -> ValueType {
        var names: [String] = []
        var remaining = tokens
        while let last = remaining.last {
            if let name = last.kind.anyIdentifier {
                names.insert(name, at: 0)
                remaining.removeLast()
                guard remaining.last?.kind == .punctuation(.dot) else { break }
                remaining.removeLast()
            } else if case .keyword(.it) = last.kind {
                names.insert("it", at: 0)
                break
            } else if case .variable(let name) = last.kind {
                names.insert("$" + name, at: 0)
                break
            } else {
                break
            }
        }
        guard let first = names.first else { return .any }
        var type: ValueType
        if first == "it" {
            type = row ?? .any
        } else if first.hasPrefix("$") {
            type = bindings.variables[String(first.dropFirst())] ?? .any
        } else if let field = row?.recordSchema?.field(first) {
            type = field.type
        } else {
            type = bindings.variables[first] ?? .any
        }
        for name in names.dropFirst() {
            let base = type.elementType ?? type
            guard let field = base.recordSchema?.field(name) else { return .any }
            type = field.type
        }
        return type
    }

    /// Quoted enum values after `field ==`, `field !=` or inside `field in [`.
    func enumValues(_ analysis: CursorAnalysis, row: ValueType?) -> [String]? {
        let tokens = analysis.currentStageTokensAcrossGroups
        guard let operatorIndex = comparisonIndex(tokens) else { return nil }
        let type = memberBaseType(before: tokens[..<operatorIndex], row: row)
        return type.enumValues ?? (type.elementType?.enumValues)
    }

    /// The index of the comparison the cursor is the right side of, if any.
    func comparisonIndex(_ tokens: [Token]) -> Int? {
        guard let last = tokens.last else { return nil }
        switch last.kind {
        case .punctuation(.equalEqual), .punctuation(.bangEqual):
            return tokens.count - 1
        case .punctuation(.leftBracket), .punctuation(.comma):
            var index = tokens.count - 1
            while index > 0, tokens[index].kind != .punctuation(.leftBracket) { index -= 1 }
            guard index > 0, tokens[index - 1].kind == .keyword(.in) else { return nil }
            return index - 1
        default:
            return nil
        }
    }

    /// The stages that may follow a `|` where `row` values flow: keyword
    /// stages, `def`s, and every builtin stage that takes such rows. A builtin
    /// that declares no input types takes anything; when the row type is not
    /// a named record (unknown, or not a record at all), nothing is left out.
    func stageNames(for row: ValueType?) -> [Completion.Candidate] {
        let keywords = ["where", "select", "sort", "group", "take", "first", "last", "skip", "map", "each", "distinct"]
        var candidates = keywords.map { Completion.Candidate($0, suffix: " ", kind: .stage, detail: "stage") }
        let rowName = row?.recordSchema?.name ?? ""
        for builtin in registry.builtins where builtin.kind != .source {
            if !rowName.isEmpty, !builtin.inputTypes.isEmpty, !builtin.inputTypes.contains(rowName) { continue }
            let takesArguments = !builtin.parameters.isEmpty && builtin.kind != .fanOut
            candidates.append(Completion.Candidate(
                builtin.name, suffix: takesArguments ? "(" : " ", kind: builtin.kind == .aggregate ? .aggregate : .stage,
                detail: builtin.summary))
        }
        candidates += bindings.functions.keys.sorted().map { Completion.Candidate($0, suffix: " ", kind: .stage, detail: "def") }
        return candidates
    }

    func functionNames() -> [Completion.Candidate] {
        registry.builtins.filter { $0.kind == .source || $0.kind == .function || $0.kind == .aggregate }.map {
            Completion.Candidate($0.name, suffix: "(", kind: $0.kind == .source ? .source : .function, detail: $0.summary)
        } + bindings.functions.values.sorted { $0.name < $1.name }.map {
            Completion.Candidate($0.name, suffix: $0.parameters.isEmpty ? "" : "(", kind: .function, detail: "def")
        }
    }

    func fields(of type: ValueType) -> [Completion.Candidate] {
        let base = type.elementType ?? type
        guard let schema = base.recordSchema else { return [] }
        return schema.fields.map { Completion.Candidate($0.name, kind: .field, detail: $0.type.displayName) }
    }

    func variables(bare: Bool = false) -> [Completion.Candidate] {
        bindings.variables.keys.sorted().map { Completion.Candidate($0, kind: .variable) }
    }

    func labels(of builtin: Builtin, given tokens: [Token]) -> [Completion.Candidate] {
        let given = Set(tokens.indices.dropLast().compactMap { index -> String? in
            tokens[index + 1].kind == .punctuation(.colon) ? tokens[index].kind.anyIdentifier : nil
        })
        return builtin.parameters.filter { $0.isLabelRequired && !given.contains($0.name) }.map {
            Completion.Candidate($0.name + ":", suffix: " ", kind: .label, detail: $0.type.displayName)
        }
    }

    func keywords(atStatementStart: Bool) -> [Completion.Candidate] {
        var words = ["and", "or", "not", "in", "if", "then", "else", "true", "false", "null", "it"]
        if atStatementStart { words += ["let", "def"] }
        return words.map { Completion.Candidate($0, suffix: " ", kind: .keyword) }
    }
}

extension CursorAnalysis {
    /// The kind of the word being typed, when the cursor is at the end of one.
    var currentWordKind: TokenKind? { currentWord?.kind }
}
