/// A call of a builtin with its arguments matched to its parameters.
public struct BoundCall: Sendable {
    /// The builtin called.
    public var builtin: Builtin
    /// The name as written, for messages.
    public var callee: Identifier
    /// A leading argument that binds no parameter: the input of a stage
    /// called like a function (`count(xs)`), the list an aggregate reads
    /// (`avg([1, 2])`), or an aggregate's per-row expression (`avg(duration)`
    /// in `group by … with`, `| sum(credits)`).
    public var leading: BoundExpr?
    /// The arguments bound to parameters, in written order, then any the
    /// planner added.
    public var arguments: [BoundArgument]
    /// The whole call.
    public var range: SourceRange

    /// Creates a bound call.
    public init(
        builtin: Builtin, callee: Identifier, leading: BoundExpr? = nil, arguments: [BoundArgument], range: SourceRange
    ) {
        self.builtin = builtin
        self.callee = callee
        self.leading = leading
        self.arguments = arguments
        self.range = range
    }

    /// The argument bound to the parameter `name`.
    public func argument(_ name: String) -> BoundArgument? {
        arguments.first { $0.parameter.name == name }
    }
}

/// One argument of a bound call.
public struct BoundArgument: Sendable {
    /// Where an argument came from.
    public enum Origin: Sendable, Hashable {
        /// Written in the query.
        case written
        /// Added by the planner from the `where` condition at this range, so
        /// the API filters instead of cq (``QueryPlanner``).
        case pushedDown(from: SourceRange)
    }

    /// The parameter it binds.
    public var parameter: Parameter
    /// Its value.
    public var value: BoundExpr
    /// Written, or added by the planner.
    public var origin: Origin

    /// Creates a bound argument.
    public init(parameter: Parameter, value: BoundExpr, origin: Origin = .written) {
        self.parameter = parameter
        self.value = value
        self.origin = origin
    }
}
