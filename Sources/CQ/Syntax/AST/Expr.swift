/// An expression: a literal, a name, an operation, a call, or a pipeline.
///
/// Every node carries the source range it was parsed from, so the checker and
/// the evaluator can point at the exact place a problem comes from.
public struct Expr: Sendable, Hashable {
    /// The kind of expression and its children.
    public indirect enum Kind: Sendable, Hashable {
        /// `null`, `true`, `42`, `1.5`, `"text"`, `'raw'`, `30s`.
        case literal(Literal)
        /// A double-quoted string with `\(expr)` interpolations.
        case interpolatedString([StringPart])
        /// `[a, b, c]`
        case list([Expr])
        /// `{name: value, "quoted key": value, shorthand}`
        case record([RecordEntry])
        /// A bare identifier: a field of the current row inside a stage,
        /// a variable or lambda parameter otherwise.
        case name(String)
        /// `$name`: always a variable, a `def` parameter or a script argument.
        case variable(String)
        /// `it`: the current row itself.
        case it
        /// `base.field`. Missing fields and fields of `null` are `null`;
        /// on a list, the field of each element.
        case member(Expr, Identifier)
        /// `base[index]`: a list position (negative counts from the end) or a record key.
        case index(Expr, Expr)
        /// `name(arguments)`: a builtin or a `def` function.
        case call(Identifier, [CallArgument])
        /// `-x`, `not x`.
        case unary(UnaryOperator, Expr)
        /// `a + b`, `a == b`, `a and b`, `a ?? b`, `a =~ "re"`, `a in list`.
        case binary(BinaryOperator, Expr, Expr)
        /// `if condition then a else b`
        case conditional(condition: Expr, then: Expr, else: Expr)
        /// `x => body`, `(a, b) => body`
        case lambda(parameters: [Identifier], body: Expr)
        /// `source | stage | stage`
        case pipeline(Expr, [Stage])
        /// A pipeline without a source: the body of `def failing = where status == "failed"`.
        /// Its input is whatever is piped into it.
        case stageChain([Stage])
        /// A placeholder the parser inserts where an expression was expected but
        /// missing; it has already produced a diagnostic.
        case missing
    }

    /// What this expression is.
    public var kind: Kind
    /// Where it was written.
    public var range: SourceRange

    /// Creates an expression node.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A literal value as written in the source.
public enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// A duration literal such as `30s`, `5m`, `1h30m`, `7d`, `2w`, `250ms`,
    /// kept in milliseconds so printing reproduces it exactly.
    case duration(milliseconds: Int64)
}

/// One piece of an interpolated string.
public enum StringPart: Sendable, Hashable {
    /// Literal text, escapes already resolved.
    case text(String)
    /// An interpolated `\(expression)`.
    case expression(Expr)
}

/// An identifier together with where it was written.
public struct Identifier: Sendable, Hashable {
    /// The name.
    public var name: String
    /// Where it was written.
    public var range: SourceRange

    /// Creates an identifier.
    public init(_ name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// An argument in a call: positional (`label == nil`) or named (`branch: "main"`).
public struct CallArgument: Sendable, Hashable {
    /// The argument label, for named arguments.
    public var label: Identifier?
    /// The argument's value.
    public var value: Expr
    /// Where `=` stood instead of `:` after the label (`count(status = "failed")`),
    /// which the parser reports. The checker decides what was meant: a label
    /// when the callee has a parameter of that name, else a comparison `==`.
    public var equalsRange: SourceRange?

    /// Creates an argument.
    public init(label: Identifier? = nil, value: Expr, equalsRange: SourceRange? = nil) {
        self.label = label
        self.value = value
        self.equalsRange = equalsRange
    }
}

/// One entry of a record literal.
public struct RecordEntry: Sendable, Hashable {
    /// The key: an identifier or a quoted string.
    public var key: Identifier
    /// The value; for the shorthand `{name}` it is the expression `name`.
    public var value: Expr

    /// Creates a record entry.
    public init(key: Identifier, value: Expr) {
        self.key = key
        self.value = value
    }
}
