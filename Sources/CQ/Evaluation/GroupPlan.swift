/// The aggregate calls of the columns of a `group by … with`, found before
/// any row is read, so each group keeps one accumulator per call instead of
/// its rows.
///
/// A column is evaluated once per group at the end, as before; each
/// aggregate call in it then answers from its accumulator. Columns that use
/// aggregates where only the rows could answer — inside a lambda, the stages
/// of a pipeline, the other arguments of an aggregate, or a `def` — make the
/// plan `nil`, and the group keeps its rows as it always did.
struct GroupPlan {
    /// The aggregate calls, in the order met, identified by their ranges.
    let calls: [BoundCall]

    init?(columns: [BoundColumn], functions: [String: UserFunction]) {
        var finder = Finder(functions: Set(functions.keys))
        for column in columns { finder.visit(column.value) }
        guard finder.supported else { return nil }
        calls = finder.calls
    }

    private struct Finder {
        let functions: Set<String>
        var calls: [BoundCall] = []
        var ranges = Set<SourceRange>()
        var supported = true

        /// Visits `expr`, evaluated in the group's scope.
        mutating func visit(_ expr: BoundExpr) {
            guard supported else { return }
            switch expr.kind {
            case .call(let call):
                if case .aggregate = call.builtin.implementation {
                    // Its leading argument is per row (a row's scope, where no
                    // aggregate sees the group); the others must not aggregate.
                    guard ranges.insert(call.range).inserted,
                        !call.arguments.contains(where: { aggregatesOverGroup($0.value) })
                    else { return unsupported() }
                    calls.append(call)
                } else {
                    for child in call.children { visit(child) }
                }
            case .userCall, .stageChain:
                unsupported()
            case .name(let name):
                if functions.contains(name) { unsupported() }
            case .pipeline(let source, let stages):
                visit(source)
                for stage in stages {
                    if case .userCall = stage.kind { return unsupported() }
                    if stage.children.contains(where: aggregatesOverGroup) { return unsupported() }
                }
            case .lambda(_, let body):
                if aggregatesOverGroup(body) { unsupported() }
            default:
                for child in expr.children { visit(child) }
            }
        }

        /// Whether anything in `expr` could aggregate, or call what could.
        func aggregatesOverGroup(_ expr: BoundExpr) -> Bool {
            expr.contains { inner in
                switch inner.kind {
                case .call(let call):
                    if case .aggregate = call.builtin.implementation { return true }
                    return false
                case .userCall, .stageChain: return true
                case .name(let name): return functions.contains(name)
                case .pipeline(_, let stages):
                    return stages.contains { if case .userCall = $0.kind { true } else { false } }
                default: return false
                }
            }
        }

        private mutating func unsupported() { supported = false }
    }
}
