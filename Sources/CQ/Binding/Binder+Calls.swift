extension Binder {
    /// `name(arguments)` in expression position.
    mutating func call(_ callee: Identifier, _ arguments: [CallArgument], at range: SourceRange, in scope: BindScope)
        -> BoundExpr
    {
        let rowScope = scope.inGroup ? groupRowScope(scope) ?? scope : scope
        let arguments = resolvingEquals(arguments, of: callee, in: rowScope)
        if scope.functions[callee.name] != nil {
            let bound = arguments.map { bind($0.value, in: scope) }
            return BoundExpr(.userCall(callee, bound), range: range, type: .any)
        }
        guard let builtin = lookUp(callee, in: scope) else {
            for argument in arguments { _ = bind(argument.value, in: scope) }
            return invalid(unknownFunction(callee, in: scope), at: range)
        }
        checkEffect(builtin, at: callee.range)
        switch builtin.kind {
        case .aggregate:
            var remaining = arguments[...]
            var leading: BoundExpr?
            var valuesType: ValueType = .any
            let perRowInGroup = scope.inGroup && builtin.parameters.first?.isPerRow == true
            if let first = remaining.first, first.label == nil, perRowInGroup || !scope.inGroup {
                remaining.removeFirst()
                if perRowInGroup, let rowScope = groupRowScope(scope) {
                    let bound = bind(first.value, in: rowScope)
                    leading = bound
                    valuesType = bound.type
                } else {
                    let bound = bind(first.value, in: scope)
                    leading = bound
                    valuesType = Self.rowType(of: bound.type)
                }
            }
            let bound = bindArguments(Array(remaining), of: builtin, skipping: 1, at: range, in: scope)
            let type = result(of: builtin, firstArgument: valuesType)
            return make(BoundCall(builtin: builtin, callee: callee, leading: leading, arguments: bound.arguments, range: range),
                        failing: bound.error, at: range, type: type)
        case .stage, .fanOut:
            guard let first = arguments.first else {
                report("stage-needs-input", "\(builtin.name) is a stage; pipe rows into it", at: range,
                       notes: ["for example `… | \(builtin.name)`"])
                return invalid(
                    RuntimeError(
                        .query, id: "stage-needs-input", message: "\(builtin.name) is a stage; pipe rows into it",
                        range: range, notes: ["for example `… | \(builtin.name)`"]),
                    at: range)
            }
            let input = bind(first.value, in: scope)
            let (call, type, error) = stage(builtin, callee, Array(arguments.dropFirst()), input: input.type, at: range, in: scope)
            var withInput = call
            withInput.leading = input
            return make(withInput, failing: error, at: range, type: type)
        case .source, .function:
            let bound = bindArguments(arguments, of: builtin, at: range, in: scope)
            let type = result(of: builtin, firstArgument: bound.types.first ?? .any)
            return make(BoundCall(builtin: builtin, callee: callee, arguments: bound.arguments, range: range),
                        failing: bound.error, at: range, type: type)
        }
    }

    /// A builtin applied to `input` after `|`: its call (without `leading`
    /// input), result type, and the error that makes it impossible to run.
    mutating func stage(
        _ builtin: Builtin, _ callee: Identifier, _ arguments: [CallArgument], input: ValueType, at range: SourceRange,
        in scope: BindScope
    ) -> (BoundCall, ValueType, RuntimeError?) {
        checkEffect(builtin, at: range)
        let row = Self.rowType(of: input)
        if !builtin.inputTypes.isEmpty, let schema = row.recordSchema, !schema.name.isEmpty,
            !builtin.inputTypes.contains(schema.name)
        {
            report("stage-input", "`\(builtin.name)` takes \(builtin.inputTypes.joined(separator: " or ")) rows, not \(schema.name)",
                   at: range, notes: bridge(from: schema.name, to: builtin).map { ["add `| \($0)` before it: \(schema.name) rows | \($0) | \(builtin.name)"] } ?? [])
        }
        var leading: BoundExpr?
        let bound: BoundArguments
        let type: ValueType
        switch builtin.kind {
        case .aggregate:
            var remaining = arguments[...]
            var valuesType = row
            if let first = remaining.first, first.label == nil, builtin.parameters.first?.isPerRow == true {
                remaining.removeFirst()
                let perRow = bind(first.value, in: scope.with(row: row))
                leading = perRow
                valuesType = perRow.type
            }
            bound = bindArguments(Array(remaining), of: builtin, skipping: 1, at: range, in: scope)
            type = result(of: builtin, firstArgument: valuesType)
        case .function, .source:
            bound = bindArguments(arguments, of: builtin, skipping: 1, at: range, in: scope)
            type = result(of: builtin, firstArgument: input)
        case .stage, .fanOut:
            bound = bindArguments(arguments, of: builtin, at: range, in: scope)
            type = result(of: builtin, firstArgument: input)
        }
        let call = BoundCall(builtin: builtin, callee: callee, leading: leading, arguments: bound.arguments, range: range)
        return (call, type, bound.error)
    }

    func result(of builtin: Builtin, firstArgument: ValueType) -> ValueType {
        switch builtin.result {
        case .fixed(let type): type
        case .input, .firstArgument: firstArgument
        case .elementOfFirstArgument: firstArgument.elementType ?? .any
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

    mutating func lookUp(_ callee: Identifier, in scope: BindScope) -> Builtin? {
        if let builtin = registry.builtin(named: callee.name) { return builtin }
        let suggestion = Suggestions.closest(to: callee.name, among: functionCandidates(scope))
        report("unknown-function", "unknown function `\(callee.name)`", at: callee.range,
               notes: suggestion.map { ["did you mean `\($0)`?"] } ?? ["`cq help` lists every function"],
               fixIt: suggestion.map { Diagnostic.FixIt(range: callee.range, replacement: $0) })
        return nil
    }

    /// What evaluating a call of an unknown function throws.
    func unknownFunction(_ callee: Identifier, in scope: BindScope) -> RuntimeError {
        RuntimeError(
            .query, id: "unknown-function", message: "unknown function `\(callee.name)`", range: callee.range,
            notes: Suggestions.closest(to: callee.name, among: functionCandidates(scope)).map { ["did you mean `\($0)`?"] } ?? [])
    }

    private func functionCandidates(_ scope: BindScope) -> [String] {
        registry.builtins.map(\.name) + Array(scope.functions.keys)
    }

    mutating func checkEffect(_ builtin: Builtin, at range: SourceRange) {
        guard builtin.effect == .writesAPI, !checker.allowWrites else { return }
        report("writes-not-allowed", "`\(builtin.name)` changes CircleCI state", at: range,
               notes: ["nothing was sent; run cq with --allow-writes to allow writes"])
    }

    /// Inside `group by … with`, aggregates see the group's rows: the scope
    /// records the row type as `groupRowType`.
    func groupRowScope(_ scope: BindScope) -> BindScope? {
        scope.groupRowType.map { scope.with(row: $0) }
    }

    /// A call node, or an invalid node when the call cannot run.
    func make(_ call: BoundCall, failing error: RuntimeError?, at range: SourceRange, type: ValueType) -> BoundExpr {
        if let error { return BoundExpr(.invalid(error), range: range, type: type) }
        return BoundExpr(.call(call), range: range, type: type)
    }

    func invalid(_ error: RuntimeError, at range: SourceRange) -> BoundExpr {
        BoundExpr(.invalid(error), range: range, type: .any)
    }
}
