/// Rewrites a bound program so it makes fewer requests, waits on them less,
/// and gives exactly the same answer.
///
/// It reads only metadata that builtins declare (``Builtin/endpoints``,
/// ``DerivedField/endpoints``), never their names:
/// - `where` conditions on the fields an endpoint can filter by become
///   arguments the API applies (``Endpoint/FieldFilter``); the `where` stays,
///   so the answer is the same;
/// - on a newest-first list (``Endpoint/ListOrder``), `where created_at > T`
///   stops paging at the first older row;
/// - stages whose expressions make requests (a derived field such as a
///   pipeline's `state`, an API call) are marked to work on several rows at once.
public struct QueryPlanner: Sendable {
    /// Everything the program can name, for derived fields' metadata.
    public let registry: BuiltinRegistry

    /// Creates a planner.
    public init(registry: BuiltinRegistry) {
        self.registry = registry
    }

    /// `program` with every pipeline in it planned.
    public func plan(_ program: BoundProgram) -> BoundProgram {
        BoundProgram(
            statements: program.statements.map { statement in
                var planned = statement
                switch statement.kind {
                case .let(let name, let value): planned.kind = .let(name, plan(value))
                case .def(var function):
                    function.body = plan(function.body)
                    planned.kind = .def(function)
                case .expression(let expr): planned.kind = .expression(plan(expr))
                }
                return planned
            })
    }

    /// `expr` with every pipeline in it, however deeply nested, planned.
    public func plan(_ expr: BoundExpr) -> BoundExpr {
        var planned = expr
        switch expr.kind {
        case .literal, .name, .variable, .it, .invalid:
            return expr
        case .interpolatedString(let parts):
            planned.kind = .interpolatedString(
                parts.map { part in
                    if case .expression(let inner) = part { return .expression(plan(inner)) }
                    return part
                })
        case .list(let elements): planned.kind = .list(elements.map(plan))
        case .record(let entries):
            planned.kind = .record(entries.map { BoundRecordEntry(key: $0.key, value: plan($0.value)) })
        case .member(let base, let field): planned.kind = .member(plan(base), field)
        case .index(let base, let index): planned.kind = .index(plan(base), plan(index))
        case .call(let call): planned.kind = .call(plan(call))
        case .userCall(let callee, let arguments): planned.kind = .userCall(callee, arguments.map(plan))
        case .unary(let op, let operand): planned.kind = .unary(op, plan(operand))
        case .binary(let op, let left, let right): planned.kind = .binary(op, plan(left), plan(right))
        case .conditional(let condition, let then, let otherwise):
            planned.kind = .conditional(plan(condition), then: plan(then), else: plan(otherwise))
        case .lambda(let parameters, let body): planned.kind = .lambda(parameters: parameters, body: plan(body))
        case .stageChain(let stages): planned.kind = .stageChain(Self.markingLimits(stages.map(plan)))
        case .pipeline(let source, let stages):
            planned.kind = pipeline(plan(source), Self.markingLimits(stages.map(plan)))
        }
        return planned
    }

    private func plan(_ call: BoundCall) -> BoundCall {
        var planned = call
        planned.leading = call.leading.map(plan)
        planned.arguments = call.arguments.map { argument in
            var copy = argument
            copy.value = plan(argument.value)
            return copy
        }
        return planned
    }

    private func plan(_ stage: BoundStage) -> BoundStage {
        var planned = stage
        switch stage.kind {
        case .where(let condition): planned.kind = .where(plan(condition))
        case .select(let columns): planned.kind = .select(columns.map(plan))
        case .map(let transform): planned.kind = .map(plan(transform))
        case .sort(let keys):
            planned.kind = .sort(keys.map { BoundSortKey(value: plan($0.value), descending: $0.descending) })
        case .group(let keys, let aggregates):
            planned.kind = .group(keys: keys.map(plan), aggregates: aggregates.map(plan))
        case .slice(let kind, let count): planned.kind = .slice(kind, count.map(plan))
        case .distinct(let columns): planned.kind = .distinct(columns.map(plan))
        case .call(let call): planned.kind = .call(plan(call))
        case .userCall(let callee, let arguments): planned.kind = .userCall(callee, arguments.map(plan))
        case .stopPaging, .invalid: break
        }
        planned.evaluatesConcurrently = makesRequests(planned)
        return planned
    }

    private func plan(_ column: BoundColumn) -> BoundColumn {
        BoundColumn(name: column.name, value: plan(column.value))
    }
}
