/// Checks a program against the registry before anything runs.
///
/// It infers the type flowing through each pipeline and reports, all in one
/// run: unknown functions and stages, wrong arguments, unknown fields of known
/// records, comparisons with values outside a field's enum, and writes that
/// are not allowed. Nothing it reports costs a request.
public struct Checker: Sendable {
    /// Everything a query can name.
    public let registry: BuiltinRegistry
    /// Whether write builtins are allowed (`--allow-writes`).
    public var allowWrites: Bool

    /// Creates a checker.
    public init(registry: BuiltinRegistry, allowWrites: Bool = false) {
        self.registry = registry
        self.allowWrites = allowWrites
    }

    /// What names mean before a program runs: the types of earlier `let`s
    /// (REPL entries, script arguments) and earlier `def`s.
    public struct Bindings: Sendable {
        /// Variable types by name.
        public var variables: [String: ValueType]
        /// User functions by name.
        public var functions: [String: UserFunction]

        /// Creates bindings.
        public init(variables: [String: ValueType] = [:], functions: [String: UserFunction] = [:]) {
            self.variables = variables
            self.functions = functions
        }
    }

    /// Checks `program`, updating `bindings` with its `let`s and `def`s.
    ///
    /// - Returns: the problems found, in source order.
    public func check(_ program: Program, bindings: inout Bindings) -> [Diagnostic] {
        var session = CheckSession(checker: self)
        for statement in program.statements {
            switch statement.kind {
            case .let(let name, let value):
                let type = session.infer(value, in: CheckScope(bindings))
                bindings.variables[name.name] = type
            case .def(let name, let parameters, let body):
                let function = UserFunction(name: name.name, parameters: parameters.map(\.name), body: body)
                bindings.functions[name.name] = function
                var scope = CheckScope(bindings)
                for parameter in parameters { scope.variables[parameter.name] = .any }
                if case .stageChain(let stages) = body.kind {
                    _ = session.flow(.any, through: stages, in: scope)
                } else {
                    _ = session.infer(body, in: scope)
                }
            case .expression(let expr):
                _ = session.infer(expr, in: CheckScope(bindings))
            }
        }
        return session.diagnostics.sorted { $0.range.start < $1.range.start }
    }

    /// The static type of `expr` (what `:schema` shows), without diagnostics.
    public func type(of expr: Expr, bindings: Bindings = .init()) -> ValueType {
        var session = CheckSession(checker: self)
        return session.infer(expr, in: CheckScope(bindings))
    }

    /// The type of the rows flowing into stage number `index` of `pipeline`'s
    /// stages (0 is the type the source produces, as rows): what the REPL
    /// completes field names from.
    public func rowType(enteringStage index: Int, of source: Expr, stages: [Stage], bindings: Bindings = .init())
        -> ValueType
    {
        var session = CheckSession(checker: self)
        let scope = CheckScope(bindings)
        let type = session.flow(session.infer(source, in: scope), through: Array(stages.prefix(index)), in: scope)
        return CheckSession.rowType(of: type)
    }
}

/// What names mean at one point of checking.
struct CheckScope {
    var variables: [String: ValueType]
    var functions: [String: UserFunction]
    var locals: [String: ValueType] = [:]
    var row: ValueType?
    var inGroup = false
    var groupRowType: ValueType?

    init(_ bindings: Checker.Bindings) {
        self.variables = bindings.variables
        self.functions = bindings.functions
    }

    func with(row: ValueType) -> CheckScope {
        var copy = self
        copy.row = row
        copy.inGroup = false
        copy.groupRowType = nil
        return copy
    }
}
