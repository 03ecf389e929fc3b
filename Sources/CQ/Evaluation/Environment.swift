/// The bindings that persist between statements of a script and entries of a
/// REPL session: `let` variables and `def` functions.
public struct Environment: Sendable {
    /// Variables by name (without `$`). Streams stay lazy until used.
    public var variables: [String: PipelineData]
    /// User functions by name.
    public var functions: [String: UserFunction]

    /// Creates an environment holding `variables` (script arguments, embedder inputs).
    public init(variables: [String: Value] = [:]) {
        self.variables = variables.mapValues { .value($0) }
        self.functions = [:]
    }
}

/// A function defined with `def`.
public struct UserFunction: Sendable {
    /// Its name.
    public var name: String
    /// Its parameter names, bound as variables in the body.
    public var parameters: [String]
    /// The bound body; a ``BoundExpr/Kind/stageChain(_:)`` body makes it a stage.
    public var body: BoundExpr

    /// Creates a user function.
    public init(name: String, parameters: [String], body: BoundExpr) {
        self.name = name
        self.parameters = parameters
        self.body = body
    }

    /// The body is a chain of stages: `def failing = where status == "failed"`.
    public var isStage: Bool {
        if case .stageChain = body.kind { return true }
        return false
    }
}

/// What names mean at one point of an evaluation.
struct Scope: Sendable {
    var variables: [String: PipelineData]
    var functions: [String: UserFunction]
    /// Lambda parameters, innermost binding wins.
    var locals: [String: Value] = [:]
    /// The row a stage is looking at.
    var row: Value?
    /// The rows of the group whose aggregates `group by … with` is computing.
    var groupRows: [Value]?
    /// The accumulators of the aggregate calls of the group whose columns
    /// `group by … with` is computing, by call: the rows streamed past them.
    var groupAggregates: [SourceRange: AggregateAccumulator]?
    /// Per-row values of aggregates over ``groupRows`` are computed several
    /// rows at once (the planner found they make requests).
    var concurrentRows = false
    /// User-function call depth.
    var depth = 0

    init(_ environment: Environment) {
        self.variables = environment.variables
        self.functions = environment.functions
    }

    func with(row: Value) -> Scope {
        var copy = self
        copy.row = row
        copy.groupRows = nil
        copy.groupAggregates = nil
        copy.concurrentRows = false
        return copy
    }
}
