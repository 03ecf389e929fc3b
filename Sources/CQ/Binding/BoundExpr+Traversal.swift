extension BoundExpr {
    /// The expressions directly inside this one, stage operands and call
    /// arguments included.
    public var children: [BoundExpr] {
        switch kind {
        case .literal, .name, .variable, .it, .invalid: []
        case .interpolatedString(let parts):
            parts.compactMap { part in
                if case .expression(let inner) = part { return inner }
                return nil
            }
        case .list(let elements): elements
        case .record(let entries): entries.map(\.value)
        case .member(let base, _): [base]
        case .index(let base, let index): [base, index]
        case .call(let call): call.children
        case .userCall(_, let arguments): arguments
        case .unary(_, let operand): [operand]
        case .binary(_, let left, let right): [left, right]
        case .conditional(let condition, let then, let otherwise): [condition, then, otherwise]
        case .lambda(_, let body): [body]
        case .pipeline(let source, let stages): [source] + stages.flatMap(\.children)
        case .stageChain(let stages): stages.flatMap(\.children)
        }
    }

    /// Whether this expression or any expression inside it satisfies `predicate`.
    public func contains(where predicate: (BoundExpr) -> Bool) -> Bool {
        predicate(self) || children.contains { $0.contains(where: predicate) }
    }
}

extension BoundCall {
    /// The leading argument and the bound ones.
    public var children: [BoundExpr] {
        (leading.map { [$0] } ?? []) + arguments.map(\.value)
    }
}

extension BoundStage {
    /// The expressions of this stage, and of the call it makes.
    public var children: [BoundExpr] {
        switch kind {
        case .where(let condition), .map(let condition): [condition]
        case .select(let columns), .distinct(let columns): columns.map(\.value)
        case .sort(let keys): keys.map(\.value)
        case .group(let keys, let aggregates): (keys + aggregates).map(\.value)
        case .slice(_, let count): count.map { [$0] } ?? []
        case .call(let call): call.children
        case .userCall(_, let arguments): arguments
        case .stopPaging(let stop): [stop.bound]
        case .invalid: []
        }
    }

    /// The builtin this stage calls, if it calls one.
    public var builtin: Builtin? {
        if case .call(let call) = kind { return call.builtin }
        return nil
    }
}
