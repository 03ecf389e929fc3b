extension Binder {
    /// A binary operation, checking enum and timestamp comparisons.
    mutating func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, at range: SourceRange, in scope: BindScope)
        -> BoundExpr
    {
        let (boundLeft, boundRight) = bindOperands(op, left, right, in: scope)
        let type = binaryType(op, left, boundLeft.type, right, boundRight.type)
        return BoundExpr(.binary(op, boundLeft, boundRight), range: range, type: type)
    }

    /// Both operands bound. In an equality or `in`, a bare word that names
    /// nothing, compared with an enum or string field, is read as the quoted
    /// value meant (`status == failed`), with a diagnostic.
    private mutating func bindOperands(_ op: BinaryOperator, _ left: Expr, _ right: Expr, in scope: BindScope)
        -> (BoundExpr, BoundExpr)
    {
        switch op {
        case .equal, .notEqual:
            if case .name(let word) = right.kind, namesNothing(word, in: scope), Self.isFieldReference(left) {
                let boundLeft = bind(left, in: scope)
                let value = bareValue(right, comparedWith: boundLeft.type, subject: left, in: scope)
                return (boundLeft, value ?? bind(right, in: scope))
            }
            if case .name(let word) = left.kind, namesNothing(word, in: scope), Self.isFieldReference(right) {
                let boundRight = bind(right, in: scope)
                let value = bareValue(left, comparedWith: boundRight.type, subject: right, in: scope)
                return (value ?? bind(left, in: scope), boundRight)
            }
        case .in:
            if case .list(let elements) = right.kind, Self.isFieldReference(left),
                elements.contains(where: { element in
                    if case .name(let word) = element.kind { namesNothing(word, in: scope) } else { false }
                })
            {
                let boundLeft = bind(left, in: scope)
                let bound = elements.map { element in
                    let value = bareValue(element, comparedWith: boundLeft.type, subject: left, in: scope)
                    return value ?? bind(element, in: scope)
                }
                let types = bound.map(\.type)
                let element = types.first.flatMap { first in types.allSatisfy { $0 == first } ? first : nil } ?? .any
                return (boundLeft, BoundExpr(.list(bound), range: right.range, type: .list(element)))
            }
        default:
            break
        }
        return (bind(left, in: scope), bind(right, in: scope))
    }

    /// `status`, `vcs.branch`, `it.status`: what a bare value is compared with.
    private static func isFieldReference(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name, .member: true
        default: false
        }
    }

    private mutating func binaryType(
        _ op: BinaryOperator, _ left: Expr, _ leftType: ValueType, _ right: Expr, _ rightType: ValueType
    ) -> ValueType {
        switch op {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            checkLiteral(right, against: leftType, named: left)
            checkLiteral(left, against: rightType, named: right)
            return .bool
        case .in:
            if case .list(let elements) = right.kind {
                for element in elements { checkLiteral(element, against: leftType, named: left) }
            }
            return .bool
        case .and, .or, .matches, .notMatches:
            return .bool
        case .coalesce:
            return leftType.unwrapped == rightType.unwrapped ? rightType : .any
        case .subtract where leftType.unwrapped == .timestamp && rightType.unwrapped == .timestamp:
            return .optional(.duration)
        case .add, .subtract:
            if leftType.unwrapped == .timestamp, rightType.unwrapped == .duration { return .timestamp }
            if leftType.unwrapped == .duration, rightType.unwrapped == .duration { return .duration }
            return numeric(leftType, rightType)
        case .multiply, .divide, .remainder:
            if leftType.unwrapped == .duration, op != .divide || rightType.unwrapped != .duration { return .duration }
            return numeric(leftType, rightType)
        }
    }

    private func numeric(_ a: ValueType, _ b: ValueType) -> ValueType {
        switch (a.unwrapped, b.unwrapped) {
        case (.int, .int): .int
        case (.int, .number), (.number, .int), (.number, .number): .number
        case (.string, .string): .string
        default: .any
        }
    }

    /// Reports a string literal compared with an enum field outside its values,
    /// a string that is not a timestamp compared with a timestamp field, or a
    /// bare number compared with a timestamp or duration.
    private mutating func checkLiteral(_ expr: Expr, against type: ValueType, named subject: Expr) {
        if case .literal(let literal) = expr.kind {
            switch (type.unwrapped, literal) {
            case (.timestamp, .int), (.timestamp, .double), (.timestamp, .duration):
                let kind = if case .duration = literal { "duration" } else { "number" }
                report(
                    "compare-types", "\(Self.subjectName(subject)) is a timestamp, not a \(kind)", at: expr.range,
                    notes: ["compare with a time such as ago(7d), now() - 2h or date(\"2026-11-20\")"])
                return
            case (.duration, .int), (.duration, .double):
                report(
                    "compare-types", "\(Self.subjectName(subject)) is a duration, not a number", at: expr.range,
                    notes: ["write durations with a unit: 90s, 10m, 1h30m"])
                return
            default:
                break
            }
        }
        guard case .literal(.string(let text)) = expr.kind else { return }
        let name = Self.subjectName(subject)
        if let values = type.enumValues, !values.isEmpty, !values.contains(text) {
            var notes: [String] = []
            var fixIt: Diagnostic.FixIt?
            if let suggestion = Suggestions.closest(toValue: text, among: values) {
                notes.append("did you mean \"\(suggestion)\"?")
                fixIt = Diagnostic.FixIt(range: expr.range, replacement: "\"\(suggestion)\"")
            }
            notes.append("\(name) is one of: \(values.map { "\"\($0)\"" }.joined(separator: ", "))")
            report("enum-value", "\(name) is never \"\(text)\"", at: expr.range, notes: notes, fixIt: fixIt)
        } else if type.unwrapped == .timestamp, Timestamp.parse(text) == nil {
            report(
                "timestamp-literal", "\"\(text)\" is not a timestamp", at: expr.range,
                notes: ["write dates as ISO 8601, e.g. \"2026-11-20\" or \"2026-11-20T12:00:00Z\", or use ago(7d)"])
        }
    }

    static func subjectName(_ expr: Expr) -> String {
        switch expr.kind {
        case .name(let name): "`\(name)`"
        case .member(_, let field): "`\(field.name)`"
        default: "this value"
        }
    }
}
