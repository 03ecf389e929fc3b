extension Program {
    /// The names called as functions or used as stages anywhere in the program.
    public var calledNames: Set<String> {
        var names = Set<String>()
        for statement in statements {
            switch statement.kind {
            case .let(_, let value): value.collectCalledNames(into: &names)
            case .def(_, _, let body): body.collectCalledNames(into: &names)
            case .expression(let expr): expr.collectCalledNames(into: &names)
            }
        }
        return names
    }
}

extension Expr {
    fileprivate func collectCalledNames(into names: inout Set<String>) {
        switch kind {
        case .call(let callee, let arguments):
            names.insert(callee.name)
            for argument in arguments { argument.value.collectCalledNames(into: &names) }
        case .pipeline(let source, let stages):
            source.collectCalledNames(into: &names)
            for stage in stages { stage.collectCalledNames(into: &names) }
        case .stageChain(let stages):
            for stage in stages { stage.collectCalledNames(into: &names) }
        case .interpolatedString(let parts):
            for case .expression(let inner) in parts { inner.collectCalledNames(into: &names) }
        case .list(let elements):
            for element in elements { element.collectCalledNames(into: &names) }
        case .record(let entries):
            for entry in entries { entry.value.collectCalledNames(into: &names) }
        case .member(let base, _):
            base.collectCalledNames(into: &names)
        case .index(let base, let index):
            base.collectCalledNames(into: &names)
            index.collectCalledNames(into: &names)
        case .unary(_, let operand):
            operand.collectCalledNames(into: &names)
        case .binary(_, let left, let right):
            left.collectCalledNames(into: &names)
            right.collectCalledNames(into: &names)
        case .conditional(let condition, let then, let otherwise):
            for part in [condition, then, otherwise] { part.collectCalledNames(into: &names) }
        case .lambda(_, let body):
            body.collectCalledNames(into: &names)
        case .literal, .name, .variable, .it, .missing:
            break
        }
    }
}

extension Stage {
    fileprivate func collectCalledNames(into names: inout Set<String>) {
        var expressions: [Expr] = []
        switch kind {
        case .where(let condition): expressions = [condition]
        case .select(let columns), .distinct(let columns): expressions = columns.map(\.value)
        case .sort(let keys): expressions = keys.map(\.value)
        case .group(let keys, let aggregates): expressions = (keys + aggregates).map(\.value)
        case .slice(_, let count): expressions = count.map { [$0] } ?? []
        case .map(let transform): expressions = [transform]
        case .call(let name, let arguments):
            names.insert(name.name)
            expressions = arguments.map(\.value)
        }
        for expr in expressions { expr.collectCalledNames(into: &names) }
    }
}
