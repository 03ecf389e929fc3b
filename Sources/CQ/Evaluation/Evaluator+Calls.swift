extension Evaluator {
    /// A builtin called in expression position.
    func call(_ call: BoundCall, in scope: Scope) async throws -> PipelineData {
        let builtin = call.builtin
        try checkPermission(builtin, at: call.callee.range)
        switch builtin.implementation {
        case .function(let run):
            let invocation = try await invocation(for: call, in: scope)
            return try bounded(try await guarded(at: call.range) { try await run(invocation) }, at: call.range)
        case .aggregate(let run):
            if let accumulator = scope.groupAggregates?[call.range] {
                return .value(try await finish(call, run, accumulator, in: scope))
            }
            if let rows = scope.groupRows {
                return .value(try await aggregate(call, run, over: rows, in: scope))
            }
            guard let list = call.leading else {
                throw RuntimeError(
                    .query, id: "aggregate-needs-input", message: "\(builtin.name) needs a list to aggregate",
                    range: call.range,
                    notes: ["use it as a stage (`… | \(builtin.name)(field)`) or in `group by … with`"])
            }
            let values = try await evaluate(list, in: scope)
            return .value(
                try await reduce(call, run, over: values, perRow: nil, concurrently: false, at: list.range, in: scope))
        case .stage, .fanOut:
            guard let input = call.leading else {
                throw RuntimeError(
                    .query, id: "stage-needs-input", message: "\(builtin.name) is a stage; pipe rows into it",
                    range: call.range, notes: ["for example `… | \(builtin.name)`"])
            }
            var piped = call
            piped.leading = nil
            return try await applyBuiltinStage(piped, to: try await evaluate(input, in: scope), in: scope)
        }
    }

    /// A builtin applied to the rows piped into it; an aggregate's per-row
    /// values are computed several rows at once when `concurrently`; a
    /// fan-out's window opens slowly when `slowStart` (a `first` or `take`
    /// follows).
    func applyBuiltinStage(
        _ call: BoundCall, to input: PipelineData, concurrently: Bool = false, slowStart: Bool = false, in scope: Scope
    ) async throws -> PipelineData {
        let builtin = call.builtin
        let range = call.range
        try checkPermission(builtin, at: range)
        switch builtin.implementation {
        case .stage(let run):
            let invocation = try await invocation(for: call, in: scope)
            return try await guarded(at: range) { try await run(input, invocation) }
        case .fanOut(let run):
            let invocation = try await invocation(for: call, in: scope)
            let expand: @Sendable (Value) async throws -> ValueStream = { row in
                try await guarded(at: range) { try await run(row, invocation) }.rows
            }
            // Reads run several rows at once; writes one at a time, in order.
            guard builtin.effect == .readsAPI else { return .stream(input.rows.flatMap(expand)) }
            return .stream(
                input.rows.flatMapConcurrently(
                    window: window, slowStart: slowStart, tasks: context.tasks, expand))
        case .aggregate(let run):
            return .value(
                try await reduce(
                    call, run, over: input, perRow: call.leading, concurrently: concurrently, at: range, in: scope))
        case .function(let run):
            let value = try await collect(input, at: range)
            var invocation = try await invocation(for: call, in: scope)
            if let first = builtin.parameters.first { invocation.arguments[first.name] = value }
            try chargeWork(of: CollectionOfOne(value), at: range)
            return try bounded(try await guarded(at: range) { try await run(invocation) }, at: range)
        }
    }

    /// An aggregate over `rows`: its per-row expression, if any, is evaluated for each row.
    private func aggregate(
        _ call: BoundCall, _ run: @Sendable ([Value], Invocation) throws -> Value, over rows: [Value], in scope: Scope
    ) async throws -> Value {
        var values = rows
        if let perRow = call.leading {
            values = try await self.perRow(rows, concurrently: scope.concurrentRows) { row in
                try await value(of: perRow, in: scope.with(row: row))
            }
        }
        let invocation = try await invocation(for: call, in: scope)
        try chargeWork(of: CollectionOfOne(Value.list(values)), at: call.range)
        return try bounded(try await guarded(at: call.range) { try run(values, invocation) }, at: call.range)
    }

    /// `call` over the rows of `input`, a row at a time: each row's value
    /// (`perRow` in the row's scope, or the row itself) goes into an
    /// ``AggregateAccumulator``, so `| count` or `| sum(x)` of a stream holds
    /// no rows. Bounded by ``EvaluationOptions/maxRowsPerStage`` like any
    /// stage that reads all rows.
    func reduce(
        _ call: BoundCall, _ run: @escaping @Sendable ([Value], Invocation) throws -> Value, over input: PipelineData,
        perRow: BoundExpr?, concurrently: Bool, at range: SourceRange, in scope: Scope
    ) async throws -> Value {
        var rows = input.rows
        var perRow = perRow
        let quick = perRow?.isQuick ?? false
        if let expression = perRow, concurrently {
            rows = rows.mapConcurrently(window: window, tasks: context.tasks) { row in
                try await value(of: expression, quick: quick, row: row, in: scope)
            }
            perRow = nil
        }
        let limit = context.options.maxRowsPerStage
        var accumulator = AggregateAccumulator(call.builtin)
        var unchargedWork = 0
        for try await row in rows {
            guard accumulator.count < limit else { throw rowLimitError(at: range) }
            if let perRow {
                accumulator.add(try await value(of: perRow, quick: quick, row: row, in: scope))
            } else {
                accumulator.add(row)
            }
            unchargedWork += 1
            if unchargedWork == Self.workBatch {
                try charge(unchargedWork, at: call.range)
                unchargedWork = 0
            }
        }
        try charge(unchargedWork, at: call.range)
        return try await finish(call, run, accumulator, chargingWork: false, in: scope)
    }

    /// Rows a streaming stage reads between two charges of their work.
    static let workBatch = 4096

    /// The result of an accumulated aggregate call, its other arguments
    /// evaluated in `scope`.
    func finish(
        _ call: BoundCall, _ run: @Sendable ([Value], Invocation) throws -> Value, _ accumulator: AggregateAccumulator,
        chargingWork: Bool = true, in scope: Scope
    ) async throws -> Value {
        let invocation = try await invocation(for: call, in: scope)
        if chargingWork { try charge(accumulator.count, at: call.range) }
        return try bounded(
            try await guarded(at: call.range) { try accumulator.result(run, invocation) }, at: call.range)
    }

    /// The evaluated arguments of `call`.
    func invocation(for call: BoundCall, in scope: Scope) async throws -> Invocation {
        var values: [String: Value] = [:]
        var lambdas: [String: Lambda] = [:]
        for argument in call.arguments {
            if case .function = argument.parameter.type {
                lambdas[argument.parameter.name] = try lambda(from: argument.value, for: call.builtin, in: scope)
            } else {
                values[argument.parameter.name] = try await value(of: argument.value, in: scope)
            }
        }
        try chargeWork(of: values.values, at: call.range)
        return Invocation(
            name: call.builtin.name, arguments: values, lambdas: lambdas, range: call.range, context: context)
    }

    func checkPermission(_ builtin: Builtin, at range: SourceRange) throws {
        switch builtin.effect {
        case .writesAPI where !context.options.allowWrites:
            throw RuntimeError(
                .permission, id: "writes-not-allowed", message: "`\(builtin.name)` changes CircleCI state",
                range: range, notes: ["run cq with --allow-writes to allow it"])
        case .readsFiles where !context.options.allowFiles:
            throw RuntimeError(
                .permission, id: "files-not-allowed",
                message: "`\(builtin.name)` reads local files, which is not allowed here",
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
        if case .stream(let stream) as PipelineData = result,
            let wrapped = PipelineData.stream(
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
            RuntimeError(
                error.kind, id: "builtin-\(error.kind.rawValue)", message: error.message, range: range,
                notes: error.notes)
        case let error as RuntimeError: error
        case is CancellationError: error
        default: RuntimeError(.runtime, id: "builtin-failure", message: String(describing: error), range: range)
        }
    }
}

extension Evaluator {
    /// `data`, if a plain value within the size limits.
    func bounded(_ data: PipelineData, at range: SourceRange) throws -> PipelineData {
        guard case .value(let value) = data else { return data }
        return .value(try bounded(value, at: range))
    }
}
