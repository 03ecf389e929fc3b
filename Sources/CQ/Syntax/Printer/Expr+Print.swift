/// Printing expressions as canonical cq text: minimal parentheses from the
/// precedence table, strings re-escaped, durations in canonical units.
/// Parsing the printed text gives back the same tree (ignoring ranges).
extension Expr {
    /// This expression as cq source text, on one line.
    public func printed() -> String {
        printed(atLeast: PrintLevel.pipeline)
    }

    /// The text, parenthesized if this expression binds looser than `minimum`.
    func printed(atLeast minimum: Int) -> String {
        let text = printedBare()
        return printLevel < minimum ? "(" + text + ")" : text
    }

    /// The text as an item of a `,`-separated list (list element, argument,
    /// record value): a pipeline whose last stage takes a `,`-separated list
    /// (`select`, `sort by`, `group by`, `distinct`) is parenthesized so that the
    /// next item is not read as one of its columns.
    var printedAsListItem: String {
        guard case .pipeline(_, let stages) = kind, let last = stages.last else { return printed() }
        switch last.kind {
        case .select, .group: return "(" + printed() + ")"
        case .sort(let keys) where !keys.isEmpty: return "(" + printed() + ")"
        case .distinct(let columns) where !columns.isEmpty: return "(" + printed() + ")"
        default: return printed()
        }
    }

    private var isBinary: Bool {
        if case .binary = kind { return true }
        return false
    }

    /// How tightly this expression binds when printed; see ``PrintLevel``.
    var printLevel: Int {
        switch kind {
        case .pipeline, .stageChain: PrintLevel.pipeline
        case .lambda, .conditional: PrintLevel.expr
        case .binary(let op, _, _): PrintLevel.binary(op.precedence)
        case .unary(.not, _): PrintLevel.not
        case .unary(.negate, _): PrintLevel.negation
        case .literal(.int(let value)) where value < 0: PrintLevel.negation
        case .literal(.double(let value)) where value < 0 || value.sign == .minus: PrintLevel.negation
        case .literal(.duration(let ms)) where ms < 0: PrintLevel.negation
        default: PrintLevel.postfix
        }
    }

    private func printedBare() -> String {
        switch kind {
        case .literal(let literal): literal.printed()
        case .interpolatedString(let parts):
            "\""
                + parts.map { part in
                    switch part {
                    case .text(let text): StringEscaping.escaped(text)
                    case .expression(let expr): "\\(" + expr.printed() + ")"
                    }
                }.joined() + "\""
        case .list(let elements): "[" + elements.map(\.printedAsListItem).joined(separator: ", ") + "]"
        case .record(let entries): "{" + entries.map(\.printed).joined(separator: ", ") + "}"
        case .name(let name): Identifiers.spelled(name)
        case .variable(let name): "$" + name
        case .it: "it"
        case .member(let base, let field): base.printed(atLeast: PrintLevel.postfix) + "." + Self.fieldName(field.name)
        case .index(let base, let position): base.printed(atLeast: PrintLevel.postfix) + "[" + position.printed() + "]"
        case .call(let name, let arguments):
            Identifiers.spelled(name.name) + "(" + CallArgument.printed(arguments) + ")"
        case .unary(.not, let operand):
            // `not (a == b)` reads better than the equivalent `not a == b`.
            "not " + operand.printed(atLeast: operand.isBinary ? PrintLevel.postfix : PrintLevel.not)
        case .unary(.negate, let operand):
            // `- -x`, not `-(-x)`: parentheses would count as nesting, and a
            // long run of minus signs would format past the depth limit.
            operand.printLevel == PrintLevel.negation
                ? "- " + operand.printed(atLeast: PrintLevel.negation)
                : "-" + operand.printed(atLeast: PrintLevel.negation)
        case .binary(let op, let left, let right):
            printedBinary(op, left, right)
        case .conditional(let condition, let then, let otherwise):
            "if " + condition.printed(atLeast: PrintLevel.binary(1)) + " then "
                + then.printed(atLeast: PrintLevel.binary(1))
                + " else " + otherwise.printed(atLeast: PrintLevel.expr)
        case .lambda(let parameters, let body):
            Self.lambdaHead(parameters) + " => " + body.printed(atLeast: PrintLevel.expr)
        case .pipeline(let source, let stages):
            ([source.printed(atLeast: PrintLevel.expr)] + stages.map { $0.printed() }).joined(separator: " | ")
        case .stageChain(let stages): stages.map { $0.printed() }.joined(separator: " | ")
        case .missing: "<missing>"
        }
    }

    private func printedBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> String {
        let level = PrintLevel.binary(op.precedence)
        // Comparisons do not chain, so a comparison on the left needs parentheses too.
        let leftMinimum = op.isComparison ? level + 1 : level
        return left.printed(atLeast: leftMinimum) + " " + op.rawValue + " " + right.printed(atLeast: level + 1)
    }

    private static func lambdaHead(_ parameters: [Identifier]) -> String {
        if parameters.count == 1 { return Identifiers.spelled(parameters[0].name) }
        return "(" + parameters.map { Identifiers.spelled($0.name) }.joined(separator: ", ") + ")"
    }

    /// A field after `.`: any identifier or keyword is written bare.
    static func fieldName(_ name: String) -> String {
        Identifiers.isIdentifierShaped(name) ? name : "`\(name)`"
    }
}

/// Binding strengths used by the printer, loosest first.
enum PrintLevel {
    /// Where a whole pipeline may stand: statements, parentheses, list elements, arguments.
    static let pipeline = 0
    /// Where an `expr` may stand: lambdas and conditionals, but not pipelines.
    static let expr = 1
    /// A binary expression at `precedence` (1 for `or` … 7 for `*`).
    static func binary(_ precedence: Int) -> Int { 1 + precedence }
    /// `not x`, which sits between `and` and the comparisons.
    static let not = 4
    /// `-x`, tighter than any binary operator.
    static let negation = 9
    /// Postfix expressions and primaries.
    static let postfix = 10
}

extension Literal {
    /// This literal as cq source text.
    public func printed() -> String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): "\(value)"
        case .string(let value): StringEscaping.literal(value)
        case .duration(let ms): DurationFormat.canonical(milliseconds: ms)
        }
    }
}

extension RecordEntry {
    /// `key: value`, or just `name` for the shorthand `{name}`.
    var printed: String {
        if case .name(let name) = value.kind, name == key.name { return Identifiers.spelledLabel(name) }
        return Self.label(key.name) + ": " + value.printedAsListItem
    }

    /// A record key or column label: bare when plain, otherwise a string.
    static func label(_ name: String) -> String {
        Identifiers.isPlain(name) ? name : StringEscaping.quoted(name)
    }
}

extension CallArgument {
    /// Arguments separated by `, `.
    static func printed(_ arguments: [CallArgument]) -> String {
        arguments.map { argument in
            (argument.label.map { Identifiers.spelledLabel($0.name) + ": " } ?? "") + argument.value.printedAsListItem
        }.joined(separator: ", ")
    }
}
