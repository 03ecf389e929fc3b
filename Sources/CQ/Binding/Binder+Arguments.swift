/// The arguments of one call, bound to parameters.
struct BoundArguments {
    /// The bound arguments, in written order.
    var arguments: [BoundArgument]
    /// The argument types in parameter order (``ValueType/any`` for absent ones).
    var types: [ValueType]
    /// Why the call cannot run (unknown label, too many, missing), if it cannot.
    var error: RuntimeError?
}

extension Binder {
    /// Binds `arguments` to `builtin`'s parameters after the first `skipping`,
    /// reporting wrong labels, arity and literal types.
    mutating func bindArguments(
        _ arguments: [CallArgument], of builtin: Builtin, skipping: Int = 0, at range: SourceRange, in scope: BindScope
    ) -> BoundArguments {
        let matcher = ArgumentMatcher(builtin, skipping: skipping)
        let match = matcher.match(
            arguments.map { ArgumentMatcher.Argument(label: $0.label, range: $0.value.range) }, callRange: range)
        var bound: [BoundArgument] = []
        var types: [String: ValueType] = [:]
        for (argument, parameter) in zip(arguments, match.parameters) {
            let value = bindArgument(argument.value, for: parameter, in: scope)
            guard let parameter else { continue }
            types[parameter.name] = value.type
            checkArgumentType(argument.value, type: value.type, for: parameter, of: builtin)
            bound.append(BoundArgument(parameter: parameter, value: value))
        }
        for problem in match.problems {
            report(problem.id, problem.message, at: problem.range, notes: problem.notes)
        }
        let error = match.problems.first.map { problem in
            RuntimeError(.query, id: problem.id, message: problem.message, range: problem.range, notes: problem.notes)
        }
        return BoundArguments(
            arguments: bound, types: matcher.parameters.map { types[$0.name] ?? .any }, error: error)
    }

    /// An argument's value; a lambda for a function parameter binds its own parameters.
    private mutating func bindArgument(_ expr: Expr, for parameter: Parameter?, in scope: BindScope) -> BoundExpr {
        guard case .function = parameter?.type, case .name(let name) = expr.kind, scope.functions[name] != nil else {
            return bind(expr, in: scope)
        }
        // The name of a `def` passed where a function is expected.
        return BoundExpr(.name(name), range: expr.range, type: .function(arity: scope.functions[name]?.parameters.count ?? 1))
    }

    private mutating func checkArgumentType(_ expr: Expr, type: ValueType, for parameter: Parameter, of builtin: Builtin) {
        if case .function = parameter.type {
            if case .lambda = expr.kind { return }
            if case .name = expr.kind { return }
            report("expected-lambda", "`\(parameter.name)` of \(builtin.name) must be a function, e.g. `x => x.name`", at: expr.range)
            return
        }
        guard case .literal(let literal) = expr.kind else { return }
        let value = Evaluator.value(of: literal)
        if !parameter.type.admits(value) {
            report("argument-type", "`\(parameter.name)` of \(builtin.name) must be \(parameter.type.displayName), not \(value.kindDescription)",
                   at: expr.range, notes: ["it takes: \(builtin.signature)"])
        } else if let values = parameter.type.enumValues, case .string(let text) = value, !values.contains(text) {
            let suggestion = Suggestions.closest(toValue: text, among: values)
            report("enum-value", "`\(parameter.name)` of \(builtin.name) is never \"\(text)\"", at: expr.range,
                   notes: (suggestion.map { ["did you mean \"\($0)\"?"] } ?? []) + ["it is one of: \(values.joined(separator: ", "))"],
                   fixIt: suggestion.map { Diagnostic.FixIt(range: expr.range, replacement: "\"\($0)\"") })
        }
    }
}
