/// A prefix operator.
public enum UnaryOperator: String, Sendable, Hashable, CaseIterable {
    /// `-x`
    case negate = "-"
    /// `not x`
    case not = "not"
}

/// An infix operator. ``precedence`` is the one precedence table of the language.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or = "or"
    case and = "and"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// Regular-expression match: `branch =~ "^release/"`.
    case matches = "=~"
    /// Regular-expression non-match.
    case notMatches = "!~"
    /// Membership: `status in ["failed", "error"]`, `"x" in "text"`, `"key" in record`.
    case `in` = "in"
    /// Default: `a ?? b` is `b` when `a` is `null`.
    case coalesce = "??"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// Binding strength: higher binds tighter. `not` (prefix) sits between
    /// `and` (2) and the comparisons (4); unary minus binds tighter than `*`.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual,
            .matches, .notMatches, .in:
            4
        case .coalesce: 5
        case .add, .subtract: 6
        case .multiply, .divide, .remainder: 7
        }
    }

    /// Comparisons do not chain: `a < b < c` is a syntax error.
    public var isComparison: Bool { precedence == 4 }
}
