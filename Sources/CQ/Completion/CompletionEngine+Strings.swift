extension CompletionEngine {
    /// Candidates for a cursor inside a string literal: project or org slugs
    /// for a builtin's `project`/`org` argument, enum values for an enum
    /// argument or after `field ==`.
    func stringCandidates(_ analysis: CursorAnalysis) -> [Completion.Candidate] {
        let row = rowType(analysis)
        if let values = enumValues(analysis, row: row) {
            return values.map { Completion.Candidate($0, suffix: "\"", kind: .value) }
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
            return []
        }
    }

    /// The parameter a string argument at the cursor is for: `label:` before it,
    /// or its position among the call's arguments.
    private func parameter(of builtin: Builtin, at analysis: CursorAnalysis) -> Parameter? {
        let tokens = analysis.segmentSinceOpener
        if tokens.count >= 2, tokens[tokens.count - 1].kind == .punctuation(.colon),
            let label = tokens[tokens.count - 2].kind.anyIdentifier
        {
            return builtin.parameters.first { $0.name == label }
        }
        var depth = 0
        var position = 0
        for token in tokens {
            guard case .punctuation(let punctuation) = token.kind else { continue }
            if punctuation.closing != nil { depth += 1 }
            if punctuation.isClosing { depth -= 1 }
            if punctuation == .comma, depth == 0 { position += 1 }
        }
        let positional = builtin.parameters.filter { !$0.isLabelRequired }
        return position < positional.count ? positional[position] : nil
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
