/// Comparing syntax trees while ignoring where they were written: every range
/// is reset to `0..<0`. Used by the print/re-parse round-trip tests, and handy
/// for the checker's own tests.
extension Expr {
    /// A copy with every source range (its own and its children's) set to `0..<0`.
    public func withoutRanges() -> Expr {
        let kind: Kind
        switch self.kind {
        case .literal, .name, .variable, .it, .missing: kind = self.kind
        case .interpolatedString(let parts):
            kind = .interpolatedString(parts.map { part in
                if case .expression(let expr) = part { return .expression(expr.withoutRanges()) }
                return part
            })
        case .list(let elements): kind = .list(elements.map { $0.withoutRanges() })
        case .record(let entries):
            kind = .record(entries.map { RecordEntry(key: $0.key.withoutRange(), value: $0.value.withoutRanges()) })
        case .member(let base, let field): kind = .member(base.withoutRanges(), field.withoutRange())
        case .index(let base, let position): kind = .index(base.withoutRanges(), position.withoutRanges())
        case .call(let name, let arguments): kind = .call(name.withoutRange(), arguments.map { $0.withoutRanges() })
        case .unary(let op, let operand): kind = .unary(op, operand.withoutRanges())
        case .binary(let op, let left, let right): kind = .binary(op, left.withoutRanges(), right.withoutRanges())
        case .conditional(let condition, let then, let otherwise):
            kind = .conditional(
                condition: condition.withoutRanges(), then: then.withoutRanges(), else: otherwise.withoutRanges())
        case .lambda(let parameters, let body):
            kind = .lambda(parameters: parameters.map { $0.withoutRange() }, body: body.withoutRanges())
        case .pipeline(let source, let stages): kind = .pipeline(source.withoutRanges(), stages.map { $0.withoutRanges() })
        case .stageChain(let stages): kind = .stageChain(stages.map { $0.withoutRanges() })
        }
        return Expr(kind, range: .at(0))
    }

    /// Whether `self` and `other` are the same tree, ignoring source ranges.
    public func isEqualIgnoringRanges(_ other: Expr) -> Bool {
        withoutRanges() == other.withoutRanges()
    }
}

extension Identifier {
    /// A copy with its range set to `0..<0`.
    public func withoutRange() -> Identifier { Identifier(name, range: .at(0)) }
}

extension CallArgument {
    /// A copy without source ranges.
    public func withoutRanges() -> CallArgument { CallArgument(label: label?.withoutRange(), value: value.withoutRanges()) }
}

extension Column {
    /// A copy without source ranges.
    public func withoutRanges() -> Column { Column(label: label?.withoutRange(), value: value.withoutRanges()) }
}

extension Stage {
    /// A copy with every source range set to `0..<0`.
    public func withoutRanges() -> Stage {
        let kind: Kind
        switch self.kind {
        case .where(let condition): kind = .where(condition.withoutRanges())
        case .select(let columns): kind = .select(columns.map { $0.withoutRanges() })
        case .sort(let keys): kind = .sort(keys.map { SortKey(value: $0.value.withoutRanges(), descending: $0.descending) })
        case .group(let keys, let aggregates):
            kind = .group(keys: keys.map { $0.withoutRanges() }, aggregates: aggregates.map { $0.withoutRanges() })
        case .slice(let slice, let count): kind = .slice(slice, count?.withoutRanges())
        case .map(let value): kind = .map(value.withoutRanges())
        case .distinct(let columns): kind = .distinct(columns.map { $0.withoutRanges() })
        case .call(let name, let arguments): kind = .call(name.withoutRange(), arguments.map { $0.withoutRanges() })
        }
        return Stage(kind, range: .at(0))
    }
}

extension Statement {
    /// A copy with every source range set to `0..<0`.
    public func withoutRanges() -> Statement {
        let kind: Kind
        switch self.kind {
        case .let(let name, let value): kind = .let(name.withoutRange(), value.withoutRanges())
        case .def(let name, let parameters, let body):
            kind = .def(name.withoutRange(), parameters: parameters.map { $0.withoutRange() }, body: body.withoutRanges())
        case .expression(let value): kind = .expression(value.withoutRanges())
        }
        return Statement(kind, range: .at(0))
    }
}

extension Program {
    /// A copy with every source range set to `0..<0`, comments included.
    public func withoutRanges() -> Program {
        Program(
            statements: statements.map { $0.withoutRanges() },
            comments: comments.map { Comment($0.text, range: .at(0)) })
    }

    /// Whether `self` and `other` are the same program, ignoring source ranges.
    public func isEqualIgnoringRanges(_ other: Program) -> Bool {
        withoutRanges() == other.withoutRanges()
    }
}
