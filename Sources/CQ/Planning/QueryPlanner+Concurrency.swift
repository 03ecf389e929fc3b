extension QueryPlanner {
    /// `stages` with ``BoundStage/feedsALimit`` set on each stage whose rows
    /// reach a `first` or `take` through stages that pass rows on one by one.
    static func markingLimits(_ stages: [BoundStage]) -> [BoundStage] {
        var marked = stages
        var limited = false
        for index in marked.indices.reversed() {
            marked[index].feedsALimit = limited
            switch marked[index].kind {
            case .slice(.first, _), .slice(.take, _):
                limited = true
            case .where, .select, .map, .distinct, .stopPaging, .slice(.skip, _):
                break
            case .call(let call) where call.builtin.kind == .fanOut:
                break
            default:
                limited = false
            }
        }
        return marked
    }

    /// Whether a stage's own expressions make requests, so that evaluating
    /// them for several rows at once saves waiting.
    func makesRequests(_ stage: BoundStage) -> Bool {
        let row = Binder.rowType(of: stage.inputType).recordSchema
        switch stage.kind {
        case .where(let condition), .map(let condition):
            return makesRequests(condition, row: row)
        case .select(let columns):
            return columns.contains { makesRequests($0.value, row: row) }
        case .sort(let keys):
            return keys.contains { makesRequests($0.value, row: row) }
        case .group(let keys, let aggregates):
            return keys.contains { makesRequests($0.value, row: row) }
                || aggregates.contains { makesRequests($0.value, row: row) }
        case .call(let call):
            return call.builtin.kind == .aggregate && call.leading.map { makesRequests($0, row: row) } == true
        case .slice, .distinct, .userCall, .stopPaging, .invalid:
            return false
        }
    }

    /// Whether evaluating `expr` on a row of schema `row` makes requests:
    /// it reads a derived field that needs them, or calls the API. Writes are
    /// never made concurrently.
    func makesRequests(_ expr: BoundExpr, row: RecordSchema?) -> Bool {
        switch expr.kind {
        case .literal, .variable, .it, .userCall, .invalid, .lambda:
            return false
        case .name(let name):
            return row.map { needsRequests(name, of: $0) } ?? false
        case .member(let base, let field):
            if let schema = base.type.recordSchema, needsRequests(field.name, of: schema) { return true }
            return makesRequests(base, row: row)
        case .call(let call):
            if call.builtin.effect == .readsAPI { return true }
            return (call.leading.map { makesRequests($0, row: row) } ?? false)
                || call.arguments.contains { makesRequests($0.value, row: row) }
        case .pipeline(let source, let stages):
            return makesRequests(source, row: row)
                || stages.contains { stage in
                    if case .call(let call) = stage.kind, call.builtin.effect == .readsAPI { return true }
                    return makesRequests(stage)
                }
        case .interpolatedString(let parts):
            return parts.contains { part in
                if case .expression(let inner) = part { return makesRequests(inner, row: row) }
                return false
            }
        case .list(let elements):
            return elements.contains { makesRequests($0, row: row) }
        case .record(let entries):
            return entries.contains { makesRequests($0.value, row: row) }
        case .index(let base, let index):
            return makesRequests(base, row: row) || makesRequests(index, row: row)
        case .unary(_, let operand):
            return makesRequests(operand, row: row)
        case .binary(_, let left, let right):
            return makesRequests(left, row: row) || makesRequests(right, row: row)
        case .conditional(let condition, let then, let otherwise):
            return [condition, then, otherwise].contains { makesRequests($0, row: row) }
        case .stageChain(let stages):
            return stages.contains(where: makesRequests)
        }
    }

    /// Whether the field `name` of records of `schema` is derived with requests.
    private func needsRequests(_ name: String, of schema: RecordSchema) -> Bool {
        guard schema.field(name)?.isDerived == true else { return false }
        return registry.derivedField(name, of: schema.name)?.endpoints.isEmpty == false
    }
}
