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
        bind(program, bindings: &bindings).diagnostics
    }

    /// Binds `program`: resolves every builtin it calls, matches arguments to
    /// parameters and infers types, updating `bindings` with its `let`s and
    /// `def`s.
    ///
    /// Binding never fails: what cannot be bound becomes a node that throws
    /// when evaluated, and the problems found are returned with it.
    public func bind(_ program: Program, bindings: inout Bindings) -> (program: BoundProgram, diagnostics: [Diagnostic]) {
        var binder = Binder(checker: self)
        var statements: [BoundStatement] = []
        for statement in program.statements {
            switch statement.kind {
            case .let(let name, let value):
                let bound = binder.bind(value, in: BindScope(bindings))
                bindings.variables[name.name] = bound.type
                statements.append(BoundStatement(kind: .let(name.name, bound), range: statement.range))
            case .def(let name, let parameters, let body):
                let names = parameters.map(\.name)
                let placeholder = BoundExpr(.literal(.null), range: body.range, type: .any)
                // Known while its body is bound, so that it may call itself.
                bindings.functions[name.name] = UserFunction(name: name.name, parameters: names, body: placeholder)
                var scope = BindScope(bindings)
                for parameter in parameters { scope.variables[parameter.name] = .any }
                let bound: BoundExpr
                if case .stageChain(let stages) = body.kind {
                    let (boundStages, type) = binder.flow(.any, through: stages, in: scope)
                    bound = BoundExpr(.stageChain(boundStages), range: body.range, type: type)
                } else {
                    bound = binder.bind(body, in: scope)
                }
                let function = UserFunction(name: name.name, parameters: names, body: bound)
                bindings.functions[name.name] = function
                statements.append(BoundStatement(kind: .def(function), range: statement.range))
            case .expression(let expr):
                statements.append(
                    BoundStatement(kind: .expression(binder.bind(expr, in: BindScope(bindings))), range: statement.range))
            }
        }
        let diagnostics = binder.diagnostics.sorted { $0.range.start < $1.range.start }
        return (BoundProgram(statements: statements), diagnostics)
    }

    /// The static type of `expr` (what `:schema` shows), without diagnostics.
    public func type(of expr: Expr, bindings: Bindings = .init()) -> ValueType {
        var binder = Binder(checker: self)
        return binder.bind(expr, in: BindScope(bindings)).type
    }

    /// The type of the rows flowing into stage number `index` of `pipeline`'s
    /// stages (0 is the type the source produces, as rows): what the REPL
    /// completes field names from.
    public func rowType(enteringStage index: Int, of source: Expr, stages: [Stage], bindings: Bindings = .init())
        -> ValueType
    {
        var binder = Binder(checker: self)
        let scope = BindScope(bindings)
        let type = binder.flow(binder.bind(source, in: scope).type, through: Array(stages.prefix(index)), in: scope).1
        return Binder.rowType(of: type)
    }
}
