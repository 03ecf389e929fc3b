extension Evaluator {
    /// Calls the `def` named `callee`, or applies a `def` stage to `input`.
    func callUser(
        named callee: Identifier, arguments: [BoundExpr], input: PipelineData?, at range: SourceRange, in scope: Scope
    ) async throws -> PipelineData {
        guard let function = scope.functions[callee.name] else {
            throw RuntimeError(
                .query, id: "unknown-function", message: "unknown function `\(callee.name)`", range: callee.range)
        }
        guard scope.depth < context.options.maxDepth else {
            throw RuntimeError(
                .limit, id: "depth-limit",
                message: "`\(function.name)` calls nested deeper than \(context.options.maxDepth) levels", range: range)
        }
        var inner = scope
        inner.depth += 1
        var arguments = arguments[...]
        var input = input
        if function.isStage, input == nil {
            guard let first = arguments.popFirst() else {
                throw RuntimeError(
                    .query, id: "stage-needs-input", message: "`\(function.name)` is a stage; pipe rows into it",
                    range: range)
            }
            input = try await evaluate(first, in: scope)
        }
        var parameters = function.parameters[...]
        if !function.isStage, let data = input, let first = parameters.popFirst() {
            inner.variables[first] = data
        }
        guard arguments.count <= parameters.count else {
            throw RuntimeError(
                .query, id: "too-many-arguments",
                message: "`\(function.name)` takes \(function.parameters.count) argument(s)", range: range)
        }
        for (parameter, argument) in zip(parameters, arguments) {
            inner.variables[parameter] = try await evaluate(argument, in: scope)
        }
        for parameter in parameters.dropFirst(arguments.count) { inner.variables[parameter] = .value(.null) }
        guard case .stageChain(let stages) = function.body.kind, let data = input else {
            return try await evaluate(function.body, in: inner)
        }
        var result = data
        for stage in stages { result = try await apply(stage, to: result, in: inner) }
        return result
    }

    /// A lambda argument: `x => body`, or the name of a `def`.
    func lambda(from expr: BoundExpr, for builtin: Builtin, in scope: Scope) throws -> Lambda {
        switch expr.kind {
        case .lambda(let names, let body):
            return Lambda(arity: names.count) { arguments in
                var inner = scope
                for (index, name) in names.enumerated() {
                    inner.locals[name] = index < arguments.count ? arguments[index] : .null
                }
                return try await self.value(of: body, in: inner)
            }
        case .name(let name) where scope.functions[name] != nil:
            guard let function = scope.functions[name] else { break }
            return Lambda(arity: function.parameters.count) { arguments in
                var inner = scope
                for (parameter, argument) in zip(function.parameters, arguments) {
                    inner.variables[parameter] = .value(argument)
                }
                return try await self.collect(
                    try await self.evaluate(function.body, in: inner), at: expr.range)
            }
        default:
            break
        }
        throw RuntimeError(
            .query, id: "expected-lambda", message: "\(builtin.name) expects a function here, e.g. `x => x.name`",
            range: expr.range)
    }
}
