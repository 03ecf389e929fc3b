extension BoundExpr {
    /// Whether the value is the same for every row of the query: literals,
    /// `$variables`, and pure functions of constants such as `ago(7d)` or
    /// `now() - 1w`. The planner may evaluate such an expression once, before
    /// any row exists.
    public var isConstant: Bool {
        switch kind {
        case .literal, .variable:
            return true
        case .interpolatedString(let parts):
            return parts.allSatisfy { part in
                if case .expression(let inner) = part { return inner.isConstant }
                return true
            }
        case .list(let elements):
            return elements.allSatisfy(\.isConstant)
        case .record(let entries):
            return entries.allSatisfy(\.value.isConstant)
        case .member(let base, _):
            return base.isConstant
        case .index(let base, let index):
            return base.isConstant && index.isConstant
        case .unary(_, let operand):
            return operand.isConstant
        case .binary(_, let left, let right):
            return left.isConstant && right.isConstant
        case .conditional(let condition, let then, let otherwise):
            return condition.isConstant && then.isConstant && otherwise.isConstant
        case .call(let call):
            return call.builtin.kind == .function && call.builtin.effect == .pure && call.leading == nil
                && call.arguments.allSatisfy { argument in
                    if case .function = argument.parameter.type { return false }
                    return argument.value.isConstant
                }
        case .name, .it, .userCall, .lambda, .pipeline, .stageChain, .invalid:
            return false
        }
    }

    /// The field path this expression reads from the row of type `row`
    /// (`vcs.branch` → `["vcs", "branch"]`), if it is one. Derived fields
    /// are not API fields and never count.
    func fieldPath(in row: RecordSchema) -> [String]? {
        switch kind {
        case .name(let name):
            guard let field = row.field(name), !field.isDerived else { return nil }
            return [name]
        case .member(let base, let field):
            if case .it = base.kind {
                guard let known = row.field(field.name), !known.isDerived else { return nil }
                return [field.name]
            }
            guard let path = base.fieldPath(in: row),
                let schema = base.type.recordSchema, let known = schema.field(field.name), !known.isDerived
            else { return nil }
            return path + [field.name]
        default:
            return nil
        }
    }

    /// The conjuncts of an `and` chain: `a and (b and c)` → `[a, b, c]`.
    var conjuncts: [BoundExpr] {
        if case .binary(.and, let left, let right) = kind { return left.conjuncts + right.conjuncts }
        return [self]
    }
}
