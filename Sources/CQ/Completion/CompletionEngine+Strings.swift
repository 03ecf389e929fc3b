extension CompletionEngine {
    /// Candidates for a cursor inside a string literal: project or org slugs
    /// for a builtin's `project`/`org` argument, enum values for an enum
    /// argument or after `field ==`, branch, workflow or job names for an
    /// argument or field that holds them.
    func stringCandidates(_ analysis: CursorAnalysis) -> [Completion.Candidate] {
        let row = rowType(analysis)
        if let values = enumValues(analysis, row: row) {
            return values.map { Completion.Candidate($0, suffix: "\"", kind: .value) }
        }
        if let kind = comparedNameKind(analysis, row: row) {
            return names(kind, analysis)
        }
        guard let callee = analysis.openerCallee, analysis.opener?.kind == .punctuation(.leftParen),
            let builtin = registry.builtin(named: callee), let parameter = parameter(of: builtin, at: analysis)
        else { return [] }
        if let values = parameter.type.enumValues {
            return values.map { Completion.Candidate($0, suffix: "\"", kind: .value) }
        }
        switch parameter.name {
        case "project", "id_or_project":
            return slugs.map { Completion.Candidate($0, suffix: "\"", kind: .slug) }
        case "org":
            return organizations().map { Completion.Candidate($0, suffix: "\"", kind: .slug) }
        default:
            return nameRules.parameters[parameter.name].map { names($0, analysis) } ?? []
        }
    }

    /// The parameter a string argument at the cursor is for: `label:` before
    /// it, or the one the arguments before it leave next, as the checker
    /// matches them (``ArgumentMatcher``).
    private func parameter(of builtin: Builtin, at analysis: CursorAnalysis) -> Parameter? {
        var arguments: [[Token]] = [[]]
        var depth = 0
        for token in analysis.segmentSinceOpener {
            if case .punctuation(let punctuation) = token.kind {
                if punctuation.closing != nil { depth += 1 }
                if punctuation.isClosing { depth -= 1 }
                if punctuation == .comma, depth == 0 {
                    arguments.append([])
                    continue
                }
            }
            arguments[arguments.count - 1].append(token)
        }
        let current = arguments.removeLast()
        let given = arguments.map { tokens in
            ArgumentMatcher.Argument(label: Self.label(of: tokens), range: tokens.first?.range ?? .at(0))
        }
        // A function or aggregate used as a stage gets its first argument from the pipe.
        let piped = analysis.isInStage && analysis.stageTokens.first?.kind.anyIdentifier == builtin.name
            && (builtin.kind == .function || builtin.kind == .aggregate)
        return ArgumentMatcher(builtin, skipping: piped ? 1 : 0)
            .parameter(after: given, label: Self.label(of: current)?.name)
    }

    /// The label of an argument's tokens (`branch: "x"`), if it has one.
    private static func label(of tokens: [Token]) -> Identifier? {
        guard tokens.count >= 2, tokens[1].kind == .punctuation(.colon), let name = tokens[0].kind.anyIdentifier
        else { return nil }
        return Identifier(name, range: tokens[0].range)
    }

    /// Organisation slugs (`gh/acme`) of the known project slugs.
    private func organizations() -> [String] {
        var seen = Set<String>()
        return slugs.compactMap { slug -> String? in
            let parts = slug.split(separator: "/")
            guard parts.count >= 2 else { return nil }
            let org = "\(parts[0])/\(parts[1])"
            return seen.insert(org).inserted ? org : nil
        }
    }
}
