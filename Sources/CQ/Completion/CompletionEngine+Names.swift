extension CompletionEngine {
    /// The kind of name compared with, when the cursor is the right side of
    /// `field ==`, `field !=` or `field in [` and the field holds names
    /// (`vcs.branch`, `workflow_name`, a job's `name`).
    func comparedNameKind(_ analysis: CursorAnalysis, row: ValueType?) -> ProjectNames.Kind? {
        let tokens = analysis.currentStageTokensAcrossGroups
        guard let operatorIndex = comparisonIndex(tokens), operatorIndex > 0,
            let field = tokens[operatorIndex - 1].kind.anyIdentifier,
            memberBaseType(before: tokens[..<operatorIndex], row: row).unwrapped == .string
        else { return nil }
        let container: ValueType?
        if operatorIndex >= 2, tokens[operatorIndex - 2].kind == .punctuation(.dot) {
            container = memberBaseType(before: tokens[..<(operatorIndex - 2)], row: row)
        } else {
            container = row
        }
        let recordType = (container?.elementType ?? container)?.recordSchema?.name
        return nameRules.kind(ofField: field, in: recordType)
    }

    /// Names of `kind` in the project the entry is about, as candidates that
    /// close the string.
    func names(_ kind: ProjectNames.Kind, _ analysis: CursorAnalysis) -> [Completion.Candidate] {
        let known: [ProjectNames]
        if let project = project(of: analysis) {
            known = projectNames[project].map { [$0] } ?? []
        } else {
            known = projectNames.keys.sorted().compactMap { projectNames[$0] }
        }
        var seen = Set<String>()
        let workflow = kind == .job ? mentionedWorkflow(analysis, in: known) : nil
        return known.flatMap { $0.names(kind, workflow: workflow) }.filter { seen.insert($0).inserted }.map {
            Completion.Candidate(Self.escapedForString($0), suffix: "\"", kind: .value, detail: kind.rawValue)
        }
    }

    /// `name` as it is written inside a `"…"` literal (a branch may hold `"` or `\`).
    static func escapedForString(_ name: String) -> String {
        guard name.contains(where: { $0 == "\"" || $0 == "\\" }) else { return name }
        return name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The project the entry names nearest before the cursor (a string that
    /// is a known or slug-shaped project), else the default project (`:use`).
    func project(of analysis: CursorAnalysis) -> String? {
        for text in Self.stringLiterals(analysis.allTokens).reversed() where isProject(text) {
            return text
        }
        return defaultProject
    }

    /// Every project slug the text names in a closed string literal, known or
    /// not: what the REPL looks up in the background.
    public func projectsMentioned(in text: String) -> [String] {
        var seen = Set<String>()
        let closed = Lexer.tokenize(text).tokens.filter {
            if case .string(let string) = $0.kind { string.isTerminated } else { false }
        }
        return Self.stringLiterals(closed).filter { isProject($0) && seen.insert($0).inserted }
    }

    private func isProject(_ text: String) -> Bool {
        if projectNames[text] != nil || slugs.contains(text) { return true }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
    }

    /// A workflow of `projects` named in a string before the cursor
    /// (`job_metrics("gh/acme/api", "build-and-test", job: "`).
    private func mentionedWorkflow(_ analysis: CursorAnalysis, in projects: [ProjectNames]) -> String? {
        let workflows = Set(projects.flatMap(\.workflows))
        return Self.stringLiterals(analysis.allTokens).last { workflows.contains($0) }
    }

    /// The texts of the plain (uninterpolated) string literals among `tokens`.
    static func stringLiterals(_ tokens: [Token]) -> [String] {
        tokens.compactMap { token in
            guard case .string(let string) = token.kind, string.parts.count == 1, case .text(let text) = string.parts[0]
            else { return nil }
            return text
        }
    }
}
