extension CheckSession {
    /// The type of `name(arguments)` in expression position.
    mutating func call(_ callee: Identifier, _ arguments: [CallArgument], at range: SourceRange, in scope: CheckScope) -> ValueType {
        if scope.functions[callee.name] != nil {
            for argument in arguments { _ = infer(argument.value, in: scope) }
            return .any
        }
        guard let builtin = lookUp(callee, in: scope) else {
            for argument in arguments { _ = infer(argument.value, in: scope) }
            return .any
        }
        checkEffect(builtin, at: callee.range)
        switch builtin.kind {
        case .aggregate:
            var remaining = arguments[...]
            var valuesType: ValueType = .any
            if let first = remaining.first, first.label == nil {
                remaining.removeFirst()
                if scope.inGroup, let rowScope = groupRowScope(scope) {
                    valuesType = infer(first.value, in: rowScope)
                } else {
                    valuesType = CheckSession.rowType(of: infer(first.value, in: scope))
                }
            }
            let types = checkArguments(Array(remaining), of: builtin, skipping: 1, at: range, in: scope)
            return result(of: builtin, firstArgument: valuesType, argumentTypes: types)
        case .stage, .fanOut:
            guard let first = arguments.first else {
                report("stage-needs-input", "\(builtin.name) is a stage; pipe rows into it", at: range,
                       notes: ["for example `… | \(builtin.name)`"])
                return .any
            }
            let input = infer(first.value, in: scope)
            return stage(builtin, Array(arguments.dropFirst()), input: input, at: range, in: scope)
        case .source, .function:
            let types = checkArguments(arguments, of: builtin, at: range, in: scope)
            return result(of: builtin, firstArgument: types.first ?? .any, argumentTypes: types)
        }
    }

    /// A fan-out stage that turns `typeName` rows into rows `target` takes
    /// (`jobs` between pipelines and `tests`), if there is exactly one.
    private func bridge(from typeName: String, to target: Builtin) -> String? {
        let stages = registry.builtins.filter { candidate in
            guard candidate.kind == .fanOut, candidate.effect != .writesAPI, candidate.inputTypes.contains(typeName),
                case .fixed(let type) = candidate.result, let produced = (type.elementType ?? type).recordSchema?.name
            else { return false }
            return target.inputTypes.contains(produced)
        }
        return stages.count == 1 ? stages[0].name : nil
    }

    /// The type a stage or fan-out builtin produces from `input`.
    mutating func stage(_ builtin: Builtin, _ arguments: [CallArgument], input: ValueType, at range: SourceRange, in scope: CheckScope) -> ValueType {
        checkEffect(builtin, at: range)
        let row = CheckSession.rowType(of: input)
        if !builtin.inputTypes.isEmpty, let schema = row.recordSchema, !schema.name.isEmpty,
            !builtin.inputTypes.contains(schema.name)
        {
            report("stage-input", "`\(builtin.name)` takes \(builtin.inputTypes.joined(separator: " or ")) rows, not \(schema.name)",
                   at: range, notes: bridge(from: schema.name, to: builtin).map { ["add `| \($0)` before it: \(schema.name) rows | \($0) | \(builtin.name)"] } ?? [])
        }
        switch builtin.kind {
        case .aggregate:
            var remaining = arguments[...]
            var valuesType = row
            if let first = remaining.first, first.label == nil {
                remaining.removeFirst()
                valuesType = infer(first.value, in: scope.with(row: row))
            }
            let types = checkArguments(Array(remaining), of: builtin, skipping: 1, at: range, in: scope)
            return result(of: builtin, firstArgument: valuesType, argumentTypes: types)
        case .function, .source:
            let types = checkArguments(arguments, of: builtin, skipping: 1, at: range, in: scope)
            return result(of: builtin, firstArgument: input, argumentTypes: types)
        case .stage, .fanOut:
            let types = checkArguments(arguments, of: builtin, at: range, in: scope)
            return result(of: builtin, firstArgument: input, argumentTypes: types)
        }
    }

    func result(of builtin: Builtin, firstArgument: ValueType, argumentTypes: [ValueType]) -> ValueType {
        switch builtin.result {
        case .fixed(let type): type
        case .input: firstArgument
        case .firstArgument: firstArgument == .any ? .any : firstArgument
        case .elementOfFirstArgument: firstArgument.elementType ?? .any
        }
    }

    mutating func lookUp(_ callee: Identifier, in scope: CheckScope) -> Builtin? {
        if let builtin = registry.builtin(named: callee.name) { return builtin }
        let candidates = registry.builtins.map(\.name) + Array(scope.functions.keys)
        let suggestion = Suggestions.closest(to: callee.name, among: candidates)
        report("unknown-function", "unknown function `\(callee.name)`", at: callee.range,
               notes: suggestion.map { ["did you mean `\($0)`?"] } ?? ["`cq help` lists every function"],
               fixIt: suggestion.map { Diagnostic.FixIt(range: callee.range, replacement: $0) })
        return nil
    }

    mutating func checkEffect(_ builtin: Builtin, at range: SourceRange) {
        guard builtin.effect == .writesAPI, !checker.allowWrites else { return }
        report("writes-not-allowed", "`\(builtin.name)` changes CircleCI state", at: range,
               notes: ["nothing was sent; run cq with --allow-writes to allow writes"])
    }

    /// Checks labels, arity and literal types; returns the argument types in parameter order.
    mutating func checkArguments(_ arguments: [CallArgument], of builtin: Builtin, skipping: Int = 0, at range: SourceRange, in scope: CheckScope) -> [ValueType] {
        let parameters = Array(builtin.parameters.dropFirst(skipping))
        var types: [String: ValueType] = [:]
        var position = 0
        for argument in arguments {
            let type = infer(argument.value, in: scope)
            let parameter: Parameter?
            if let label = argument.label {
                parameter = parameters.first { $0.name == label.name }
                if parameter == nil {
                    let suggestion = Suggestions.closest(to: label.name, among: parameters.map(\.name))
                    report("unknown-argument", "\(builtin.name) has no argument `\(label.name)`", at: label.range,
                           notes: suggestion.map { ["did you mean `\($0):`?"] } ?? ["it takes: \(builtin.signature)"])
                }
            } else {
                while position < parameters.count, parameters[position].isLabelRequired || types[parameters[position].name] != nil {
                    position += 1
                }
                parameter = position < parameters.count ? parameters[position] : nil
                if parameter == nil {
                    report("too-many-arguments", "too many arguments to \(builtin.name)", at: argument.value.range,
                           notes: ["it takes: \(builtin.signature)"])
                }
            }
            guard let parameter else { continue }
            types[parameter.name] = type
            checkArgumentType(argument.value, type: type, for: parameter, of: builtin)
        }
        for parameter in parameters where parameter.isRequired && types[parameter.name] == nil {
            report("missing-argument", "\(builtin.name) needs `\(parameter.name)`", at: range, notes: ["it takes: \(builtin.signature)"])
        }
        return parameters.map { types[$0.name] ?? .any }
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

    /// Inside `group by … with`, aggregates see the group's rows: the scope
    /// records the row type as `groupRowType`.
    func groupRowScope(_ scope: CheckScope) -> CheckScope? {
        scope.groupRowType.map { scope.with(row: $0) }
    }
}
