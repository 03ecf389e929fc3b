extension Evaluator {
    /// `name(arguments)` in expression position.
    func call(_ callee: Identifier, _ arguments: [CallArgument], at range: SourceRange, in scope: Scope)
        async throws -> PipelineData
    {
        if let function = scope.functions[callee.name] {
            return try await callUser(function, arguments: arguments, input: nil, at: range, in: scope)
        }
        let builtin = try lookUp(callee, in: scope)
        try checkPermission(builtin, at: callee.range)
        switch builtin.implementation {
        case .function(let run):
            let invocation = try await bind(arguments, to: builtin, at: range, in: scope)
            return try await guarded(at: range) { try await run(invocation) }
        case .aggregate(let run):
            if let rows = scope.groupRows {
                return .value(try await aggregate(builtin, run, arguments, over: rows, at: range, in: scope))
            }
            guard let first = arguments.first else {
                throw RuntimeError(
                    .query, id: "aggregate-needs-input", message: "\(builtin.name) needs a list to aggregate",
                    range: range, notes: ["use it as a stage (`… | \(builtin.name)(field)`) or in `group by … with`"])
            }
            let values = try await rows(of: try await evaluate(first.value, in: scope), at: first.value.range)
            let invocation = try await bind(Array(arguments.dropFirst()), to: builtin, skipping: 1, at: range, in: scope)
            return .value(try await guarded(at: range) { try run(values, invocation) })
        case .stage, .fanOut:
            guard let first = arguments.first else {
                throw RuntimeError(
                    .query, id: "stage-needs-input", message: "\(builtin.name) is a stage; pipe rows into it",
                    range: range, notes: ["for example `… | \(builtin.name)`"])
            }
            let input = try await evaluate(first.value, in: scope)
            return try await applyBuiltinStage(builtin, Array(arguments.dropFirst()), to: input, at: range, in: scope)
        }
    }

    /// Runs a stage or fan-out builtin over `input`.
    func applyBuiltinStage(
        _ builtin: Builtin, _ arguments: [CallArgument], to input: PipelineData, at range: SourceRange, in scope: Scope
    ) async throws -> PipelineData {
        try checkPermission(builtin, at: range)
        switch builtin.implementation {
        case .stage(let run):
            let invocation = try await bind(arguments, to: builtin, at: range, in: scope)
            return try await guarded(at: range) { try await run(input, invocation) }
        case .fanOut(let run):
            let invocation = try await bind(arguments, to: builtin, at: range, in: scope)
            let stream = input.rows.flatMap { row in
                try await guarded(at: range) { try await run(row, invocation) }.rows
            }
            return .stream(stream)
        case .aggregate(let run):
            let rows = try await rows(of: input, at: range)
            return .value(try await aggregate(builtin, run, arguments, over: rows, at: range, in: scope))
        case .function(let run):
            let value = try await collect(input, at: range)
            var invocation = try await bind(arguments, to: builtin, skipping: 1, at: range, in: scope)
            if let first = builtin.parameters.first { invocation.arguments[first.name] = value }
            return try await guarded(at: range) { try await run(invocation) }
        }
    }

    /// An aggregate over `rows`: its per-row argument is evaluated for each row.
    func aggregate(
        _ builtin: Builtin, _ run: @Sendable ([Value], Invocation) throws -> Value, _ arguments: [CallArgument],
        over rows: [Value], at range: SourceRange, in scope: Scope
    ) async throws -> Value {
        var values = rows
        var remaining = arguments
        if let perRow = builtin.parameters.first, perRow.isPerRow, let first = arguments.first, first.label == nil {
            values = []
            for row in rows { values.append(try await value(of: first.value, in: scope.with(row: row))) }
            remaining.removeFirst()
        }
        let invocation = try await bind(remaining, to: builtin, skipping: 1, at: range, in: scope)
        return try await guarded(at: range) { try run(values, invocation) }
    }

    /// Calls a `def` function, or applies a `def` stage to `input`.
    func callUser(
        _ function: UserFunction, arguments: [CallArgument], input: PipelineData?, at range: SourceRange, in scope: Scope
    ) async throws -> PipelineData {
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
            input = try await evaluate(first.value, in: scope)
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
            inner.variables[parameter] = try await evaluate(argument.value, in: scope)
        }
        for parameter in parameters.dropFirst(arguments.count) { inner.variables[parameter] = .value(.null) }
        guard case .stageChain(let stages) = function.body.kind, let data = input else {
            return try await evaluate(function.body, in: inner)
        }
        var result = data
        for stage in stages { result = try await apply(stage, to: result, in: inner) }
        return result
    }

    func lookUp(_ callee: Identifier, in scope: Scope) throws -> Builtin {
        if let builtin = context.registry.builtin(named: callee.name) { return builtin }
        let candidates = context.registry.builtins.map(\.name) + Array(scope.functions.keys)
        throw RuntimeError(
            .query, id: "unknown-function", message: "unknown function `\(callee.name)`", range: callee.range,
            notes: Suggestions.closest(to: callee.name, among: candidates).map { ["did you mean `\($0)`?"] } ?? [])
    }

    func checkPermission(_ builtin: Builtin, at range: SourceRange) throws {
        switch builtin.effect {
        case .writesAPI where !context.options.allowWrites:
            throw RuntimeError(
                .permission, id: "writes-not-allowed", message: "`\(builtin.name)` changes CircleCI state",
                range: range, notes: ["run cq with --allow-writes to allow it"])
        case .readsFiles where !context.options.allowFiles:
            throw RuntimeError(
                .permission, id: "files-not-allowed", message: "`\(builtin.name)` reads local files, which is not allowed here",
                range: range)
        default:
            return
        }
    }

    /// Runs a builtin body, attaching `range` to the errors it throws, also
    /// to those a stream it returns throws later while being read.
    func guarded<T>(at range: SourceRange, _ body: () async throws -> T) async throws -> T {
        let result: T
        do {
            result = try await body()
        } catch {
            throw Self.runtimeError(from: error, at: range)
        }
        if case .stream(let stream) as PipelineData = result, let wrapped = PipelineData.stream(
            stream.mapErrors { Self.runtimeError(from: $0, at: range) }) as? T
        {
            return wrapped
        }
        return result
    }

    /// `error` as a ``RuntimeError`` pointing at `range`; cancellation passes through.
    static func runtimeError(from error: any Error, at range: SourceRange) -> any Error {
        switch error {
        case let error as BuiltinError:
            RuntimeError(error.kind, id: "builtin-\(error.kind.rawValue)", message: error.message, range: range,
                notes: error.notes)
        case let error as RuntimeError: error
        case is CancellationError: error
        default: RuntimeError(.runtime, id: "builtin-failure", message: String(describing: error), range: range)
        }
    }
}
