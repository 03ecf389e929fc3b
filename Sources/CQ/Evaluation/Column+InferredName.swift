extension Column {
    /// The column's name: its label, or one inferred from the expression
    /// (`vcs.branch` → `branch`, `avg(duration)` → `avg_duration`,
    /// `count()` → `count`), or `column<position>`.
    public func name(position: Int) -> String {
        if let label { return label.name }
        return Self.inferredName(of: value) ?? "column\(position + 1)"
    }

    static func inferredName(of expr: Expr) -> String? {
        switch expr.kind {
        case .name(let name), .variable(let name): return name
        case .member(_, let field): return field.name
        case .index(_, let index):
            if case .literal(.string(let key)) = index.kind { return key }
            return nil
        case .call(let callee, let arguments):
            guard let first = arguments.first, let inner = inferredName(of: first.value) else {
                return callee.name
            }
            return "\(callee.name)_\(inner)"
        case .pipeline(let source, let stages) where stages.isEmpty:
            return inferredName(of: source)
        default:
            return nil
        }
    }
}
