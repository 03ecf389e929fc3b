import OrderedCollections

extension Evaluator {
    /// Applies one stage to the data flowing into it.
    func apply(_ stage: BoundStage, to input: PipelineData, in scope: Scope) async throws -> PipelineData {
        try Task.checkCancellation()
        let concurrent = stage.evaluatesConcurrently
        switch stage.kind {
        case .where(let condition):
            let quick = condition.isQuick
            guard input.isSequence else {
                let row = try await collect(input, at: stage.range)
                return .value(try await value(of: condition, quick: quick, row: row, in: scope).isTruthy ? row : .null)
            }
            let test: @Sendable (Value) async throws -> Bool = { row in
                try await value(of: condition, quick: quick, row: row, in: scope).isTruthy
            }
            guard concurrent else { return .stream(input.rows.filter(test)) }
            return .stream(
                input.rows.flatMapConcurrently(
                    window: window, slowStart: stage.feedsALimit, tasks: context.tasks
                ) { row in
                    ValueStream(try await test(row) ? [row] : [])
                })
        case .select(let columns):
            let quick = columns.map(\.value.isQuick)
            return try await mapRows(
                input, at: stage.range, concurrently: concurrent, slowStart: stage.feedsALimit
            ) { row in
                try await project(columns, quick: quick, of: row, in: scope)
            }
        case .map(let transform):
            let quick = transform.isQuick
            return try await mapRows(
                input, at: stage.range, concurrently: concurrent, slowStart: stage.feedsALimit
            ) { row in
                try await value(of: transform, quick: quick, row: row, in: scope)
            }
        case .sort(let keys):
            return .value(
                .list(
                    try await sort(
                        try await rows(of: input, at: stage.range), by: keys, concurrently: concurrent, in: scope)))
        case .group(let keys, let aggregates):
            return .value(
                .list(
                    try await group(
                        input, by: keys, with: aggregates, concurrently: concurrent, at: stage.range, in: scope)))
        case .slice(let kind, let count):
            return try await slice(input, kind, count: count, at: stage.range, in: scope)
        case .distinct(let columns):
            return .stream(distinct(input, columns, in: scope))
        case .call(let call):
            return try await applyBuiltinStage(
                call, to: input, concurrently: concurrent, slowStart: stage.feedsALimit, in: scope)
        case .userCall(let name, let arguments):
            return try await callUser(named: name, arguments: arguments, input: input, at: stage.range, in: scope)
        case .stopPaging(let stop):
            return try await stopPaging(input, at: stop, in: scope)
        case .invalid(let error):
            throw error
        }
    }

    /// How many rows a concurrent stage or fan-out works on ahead of its consumer.
    var window: Int { context.options.readAhead }

    /// Maps each row, keeping a single value single and a stream lazy.
    private func mapRows(
        _ input: PipelineData, at range: SourceRange, concurrently: Bool, slowStart: Bool,
        _ transform: @escaping @Sendable (Value) async throws -> Value
    ) async throws -> PipelineData {
        guard input.isSequence else { return .value(try await transform(try await collect(input, at: range))) }
        guard concurrently else { return .stream(input.rows.map(transform)) }
        return .stream(
            input.rows.mapConcurrently(window: window, slowStart: slowStart, tasks: context.tasks, transform))
    }

    /// `transform` of each of `rows`, several at once when `concurrently`, in order.
    func perRow(
        _ rows: [Value], concurrently: Bool, _ transform: @escaping @Sendable (Value) async throws -> Value
    ) async throws -> [Value] {
        guard concurrently else {
            var values: [Value] = []
            values.reserveCapacity(rows.count)
            for row in rows { values.append(try await transform(row)) }
            return values
        }
        return try await ValueStream(rows).mapConcurrently(window: window, tasks: context.tasks, transform).collect()
    }

    /// The record `select` makes of one row; `quick` says which columns are
    /// ``BoundExpr/isQuick``.
    private func project(_ columns: [BoundColumn], quick: [Bool], of row: Value, in scope: Scope) async throws -> Value
    {
        var record = Record()
        for (position, column) in columns.enumerated() {
            record[column.name] = try await value(of: column.value, quick: quick[position], row: row, in: scope)
        }
        return .record(record)
    }

    private func sort(_ rows: [Value], by keys: [BoundSortKey], concurrently: Bool, in scope: Scope) async throws
        -> [Value]
    {
        guard !keys.isEmpty else { return rows.sorted(by: Value.sortsBefore) }
        let quick = keys.map(\.value.isQuick)
        let keyLists = try await perRow(rows, concurrently: concurrently) { row in
            var values: [Value] = []
            for (position, key) in keys.enumerated() {
                values.append(try await value(of: key.value, quick: quick[position], row: row, in: scope))
            }
            return .list(values)
        }
        let keyed = zip(keyLists, rows).map { (keys: $0.listValue ?? [], row: $1) }
        let sorted = keyed.enumerated().sorted { lhs, rhs in
            for (index, key) in keys.enumerated() {
                let a = lhs.element.keys[index]
                let b = rhs.element.keys[index]
                if a.looselyEquals(b) { continue }
                if a.isNull || b.isNull { return b.isNull }
                return key.descending ? Value.sortsBefore(b, a) : Value.sortsBefore(a, b)
            }
            return lhs.offset < rhs.offset
        }
        return sorted.map(\.element.row)
    }

    private func slice(
        _ input: PipelineData, _ kind: SliceKind, count: BoundExpr?, at range: SourceRange, in scope: Scope
    ) async throws -> PipelineData {
        var limit: Int?
        if let count {
            let value = try await value(of: count, in: scope)
            guard let int = value.intValue, int >= 0 else {
                throw RuntimeError(
                    .query, id: "slice-count",
                    message: "`\(kind.rawValue)` needs a non-negative integer, not \(value.kindDescription)",
                    range: count.range)
            }
            limit = int
        }
        switch (kind, limit) {
        case (.first, nil):
            var iterator = input.rows.makeAsyncIterator()
            return .value(try await iterator.next() ?? .null)
        case (.last, nil):
            return .value(try await rows(of: input, at: range).last ?? .null)
        case (.last, let n?):
            return .value(.list(Array(try await rows(of: input, at: range).suffix(n))))
        case (.skip, let n):
            return .stream(input.rows.dropFirst(n ?? 1))
        case (.take, let n), (.first, let n):
            return .stream(input.rows.prefix(n ?? 1))
        }
    }

    /// Unique rows, unique values of one expression, or unique records of several.
    private func distinct(_ input: PipelineData, _ columns: [BoundColumn], in scope: Scope) -> ValueStream {
        let rows = input.rows
        let quick = columns.map(\.value.isQuick)
        return ValueStream {
            var iterator = rows.makeAsyncIterator()
            var seen = Set<Value>()
            return {
                while let row = try await iterator.next() {
                    let key: Value
                    switch columns.count {
                    case 0: key = row
                    case 1: key = try await value(of: columns[0].value, quick: quick[0], row: row, in: scope)
                    default: key = try await project(columns, quick: quick, of: row, in: scope)
                    }
                    if seen.insert(key).inserted { return key }
                }
                return nil
            }
        }
    }
}
