/// Compact S-expression dumps of the syntax tree, for tests and debugging:
/// `pipelines("x") | where a == 1` dumps as
/// `(pipeline (call pipelines "x") (where (== a 1)))`.
extension Expr {
    /// This expression as an S-expression.
    public func dump() -> String {
        switch kind {
        case .literal(let literal): literal.dump()
        case .interpolatedString(let parts):
            "(interp" + parts.map { part in
                switch part {
                case .text(let text): " " + StringEscaping.quoted(text)
                case .expression(let expr): " " + expr.dump()
                }
            }.joined() + ")"
        case .list(let elements): "[" + elements.map { $0.dump() }.joined(separator: " ") + "]"
        case .record(let entries):
            "{" + entries.map { "\(Self.dumpName($0.key.name)): \($0.value.dump())" }.joined(separator: ", ") + "}"
        case .name(let name): Self.dumpName(name)
        case .variable(let name): "$" + name
        case .it: "it"
        case .member(let base, let field): "(. \(base.dump()) \(Self.fieldName(field.name)))"
        case .index(let base, let position): "([] \(base.dump()) \(position.dump()))"
        case .call(let name, let arguments): "(call \(Self.dumpName(name.name))\(CallArgument.dump(arguments)))"
        case .unary(let op, let operand): "(\(op == .negate ? "neg" : "not") \(operand.dump()))"
        case .binary(let op, let left, let right): "(\(op.rawValue) \(left.dump()) \(right.dump()))"
        case .conditional(let condition, let then, let otherwise):
            "(if \(condition.dump()) \(then.dump()) \(otherwise.dump()))"
        case .lambda(let parameters, let body):
            "(fn (\(parameters.map { Self.dumpName($0.name) }.joined(separator: " "))) \(body.dump()))"
        case .pipeline(let source, let stages):
            "(pipeline \(source.dump())" + stages.map { " " + $0.dump() }.joined() + ")"
        case .stageChain(let stages): "(stages" + stages.map { " " + $0.dump() }.joined() + ")"
        case .missing: "<missing>"
        }
    }

    static func dumpName(_ name: String) -> String {
        Identifiers.isPlain(name) ? name : "`\(name)`"
    }
}

extension Literal {
    /// This literal as written in a dump.
    func dump() -> String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .double(let value): "\(value)"
        case .string(let value): StringEscaping.quoted(value)
        case .duration(let ms): DurationFormat.canonical(milliseconds: ms)
        }
    }
}

extension CallArgument {
    static func dump(_ arguments: [CallArgument]) -> String {
        arguments.map { argument in
            " " + (argument.label.map { Expr.dumpName($0.name) + ": " } ?? "") + argument.value.dump()
        }.joined()
    }
}

extension Stage {
    /// This stage as an S-expression.
    public func dump() -> String {
        switch kind {
        case .where(let condition): "(where \(condition.dump()))"
        case .select(let columns): "(select" + Column.dump(columns) + ")"
        case .sort(let keys):
            "(sort" + keys.map { " " + $0.value.dump() + ($0.descending ? " desc" : "") }.joined() + ")"
        case .group(let keys, let aggregates):
            "(group" + Column.dump(keys) + (aggregates.isEmpty ? "" : " with" + Column.dump(aggregates)) + ")"
        case .slice(let kind, let count): "(\(kind.rawValue)" + (count.map { " " + $0.dump() } ?? "") + ")"
        case .map(let value): "(map \(value.dump()))"
        case .distinct(let columns): "(distinct" + Column.dump(columns) + ")"
        case .call(let name, let arguments): "(call \(Expr.dumpName(name.name))\(CallArgument.dump(arguments)))"
        }
    }
}

extension Column {
    static func dump(_ columns: [Column]) -> String {
        columns.map { " " + ($0.label.map { Expr.dumpName($0.name) + ": " } ?? "") + $0.value.dump() }.joined()
    }
}

extension Statement {
    /// This statement as an S-expression.
    public func dump() -> String {
        switch kind {
        case .let(let name, let value): "(let \(Expr.dumpName(name.name)) \(value.dump()))"
        case .def(let name, let parameters, let body):
            "(def \(Expr.dumpName(name.name)) (\(parameters.map { Expr.dumpName($0.name) }.joined(separator: " "))) \(body.dump()))"
        case .expression(let value): value.dump()
        }
    }
}

extension Program {
    /// One dumped statement per line.
    public func dump() -> String {
        statements.map { $0.dump() }.joined(separator: "\n")
    }
}
