extension Evaluator {
    /// Matches call arguments to `builtin`'s parameters and evaluates them.
    ///
    /// - Parameter skipping: how many leading parameters are already supplied
    ///   (by the piped input or the aggregated rows).
    func bind(
        _ arguments: [CallArgument], to builtin: Builtin, skipping: Int = 0, at range: SourceRange, in scope: Scope
    ) async throws -> Invocation {
        let parameters = Array(builtin.parameters.dropFirst(skipping))
        var values: [String: Value] = [:]
        var lambdas: [String: Lambda] = [:]
        var bound = Set<String>()
        var position = 0
        for argument in arguments {
            let parameter: Parameter
            if let label = argument.label {
                guard let match = parameters.first(where: { $0.name == label.name }) else {
                    throw RuntimeError(
                        .query, id: "unknown-argument", message: "\(builtin.name) has no argument `\(label.name)`",
                        range: label.range,
                        notes: Suggestions.closest(to: label.name, among: parameters.map(\.name))
                            .map { ["did you mean `\($0):`?"] } ?? ["it takes: \(builtin.signature)"])
                }
                parameter = match
            } else {
                while position < parameters.count,
                    parameters[position].isLabelRequired || bound.contains(parameters[position].name)
                {
                    position += 1
                }
                guard position < parameters.count else {
                    throw RuntimeError(
                        .query, id: "too-many-arguments", message: "too many arguments to \(builtin.name)",
                        range: argument.value.range, notes: ["it takes: \(builtin.signature)"])
                }
                parameter = parameters[position]
            }
            guard bound.insert(parameter.name).inserted else {
                throw RuntimeError(
                    .query, id: "duplicate-argument", message: "`\(parameter.name)` is given twice",
                    range: argument.value.range)
            }
            if case .function = parameter.type {
                lambdas[parameter.name] = try lambda(from: argument.value, for: builtin, in: scope)
            } else {
                values[parameter.name] = try await value(of: argument.value, in: scope)
            }
        }
        if let missing = parameters.first(where: { $0.isRequired && !bound.contains($0.name) }) {
            throw RuntimeError(
                .query, id: "missing-argument", message: "\(builtin.name) needs `\(missing.name)`", range: range,
                notes: ["it takes: \(builtin.signature)"])
        }
        return Invocation(name: builtin.name, arguments: values, lambdas: lambdas, range: range, context: context)
    }

    /// A lambda argument: `x => body`, or the name of a one-parameter `def`.
    private func lambda(from expr: Expr, for builtin: Builtin, in scope: Scope) throws -> Lambda {
        switch expr.kind {
        case .lambda(let parameters, let body):
            let names = parameters.map(\.name)
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
