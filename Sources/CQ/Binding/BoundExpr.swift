/// An expression after binding: every builtin it calls resolved, arguments
/// matched to parameters, and the static type the checker inferred.
///
/// The checker produces it (``Checker/bind(_:bindings:)``), the planner
/// rewrites it (``QueryPlanner``), `cq explain` describes it and the
/// evaluator runs it, so a query is resolved once and means the same thing to
/// all of them.
public struct BoundExpr: Sendable {
    /// The kind of expression and its bound children.
    public indirect enum Kind: Sendable {
        /// A literal, already a value.
        case literal(Value)
        /// `"text \(expr)"`.
        case interpolatedString([BoundStringPart])
        /// `[a, b]`
        case list([BoundExpr])
        /// `{key: value}`
        case record([BoundRecordEntry])
        /// A bare name: a lambda parameter, a field of the row, a variable or a
        /// parameterless `def`, looked up in that order when evaluated.
        case name(String)
        /// `$name`.
        case variable(String)
        /// `it`.
        case it
        /// `base.field`.
        case member(BoundExpr, Identifier)
        /// `base[index]`.
        case index(BoundExpr, BoundExpr)
        /// A call of a builtin.
        case call(BoundCall)
        /// A call of a `def` function, by name: `defs` live in the environment.
        case userCall(Identifier, [BoundExpr])
        /// `not x`, `-x`.
        case unary(UnaryOperator, BoundExpr)
        /// `a op b`.
        case binary(BinaryOperator, BoundExpr, BoundExpr)
        /// `if c then a else b`.
        case conditional(BoundExpr, then: BoundExpr, else: BoundExpr)
        /// `x => body`.
        case lambda(parameters: [String], body: BoundExpr)
        /// `source | stage | …`.
        case pipeline(BoundExpr, [BoundStage])
        /// The stages of a `def` stage.
        case stageChain([BoundStage])
        /// Something that could not be bound (an unknown function, wrong
        /// arguments, a syntax error): evaluating it throws `error`.
        case invalid(RuntimeError)
    }

    /// What it is.
    public var kind: Kind
    /// Where it was written.
    public var range: SourceRange
    /// Its static type (``ValueType/any`` when unknown).
    public var type: ValueType

    /// Creates a bound expression.
    public init(_ kind: Kind, range: SourceRange, type: ValueType) {
        self.kind = kind
        self.range = range
        self.type = type
    }
}

/// A piece of an interpolated string.
public enum BoundStringPart: Sendable {
    /// Literal text.
    case text(String)
    /// An interpolated expression.
    case expression(BoundExpr)
}

/// One `key: value` of a record literal.
public struct BoundRecordEntry: Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: BoundExpr
}
