extension Statement {
    /// This statement as cq source text, on one line.
    public func printed() -> String {
        let segments = printedSegments()
        return ([segments.head] + segments.stages).joined(separator: " | ")
    }

    /// The statement split where a long one is broken: the head (everything up to
    /// and including the pipeline's source) and one string per top-level stage.
    func printedSegments() -> (head: String, stages: [String]) {
        switch kind {
        case .let(let name, let value):
            let (source, stages) = Self.split(value)
            return ("let " + Identifiers.spelled(name.name) + " = " + source, stages)
        case .def(let name, let parameters, let body):
            let prefix = "def " + Identifiers.spelled(name.name)
                + (parameters.isEmpty ? "" : "(" + parameters.map { Identifiers.spelled($0.name) }.joined(separator: ", ") + ")")
                + " = "
            if case .stageChain(let stages) = body.kind, let first = stages.first {
                return (prefix + first.printed(), stages.dropFirst().map { $0.printed() })
            }
            let (source, stages) = Self.split(body)
            let startsWithStageWord = body.leadingWord.map { StageKeywords.all.contains($0) } ?? false
            return (prefix + (startsWithStageWord ? "(" + source + ")" : source), stages)
        case .expression(let value):
            return Self.split(value)
        }
    }

    /// A pipeline's source and stages as text; any other expression is all source.
    private static func split(_ value: Expr) -> (String, [String]) {
        if case .pipeline(let source, let stages) = value.kind {
            return (source.printed(atLeast: PrintLevel.expr), stages.map { $0.printed() })
        }
        return (value.printed(), [])
    }

    /// The top-level stages of the statement's value, in the order they are printed.
    var topLevelStages: [Stage] {
        let value: Expr
        switch kind {
        case .let(_, let v): value = v
        case .def(_, _, let body): value = body
        case .expression(let v): value = v
        }
        switch value.kind {
        case .pipeline(_, let stages): return stages
        case .stageChain(let stages): return Array(stages.dropFirst())
        default: return []
        }
    }
}

extension Expr {
    /// The name the printed text of this expression starts with, if it starts with one
    /// (a `def` body starting with a stage keyword must be parenthesized).
    var leadingWord: String? {
        switch kind {
        case .name(let name): name
        case .call(let name, _): name.name
        case .lambda(let parameters, _) where parameters.count == 1: parameters[0].name
        case .member(let base, _), .index(let base, _), .binary(_, let base, _), .pipeline(let base, _): base.leadingWord
        default: nil
        }
    }
}

extension Program {
    /// The program as canonical cq text, one statement per line, without comments.
    /// To keep comments and break long pipelines, use ``Formatter``.
    public func printed() -> String {
        statements.map { $0.printed() + "\n" }.joined()
    }
}
