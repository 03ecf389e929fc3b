import OrderedCollections

extension Evaluator {
    /// Applies one stage to the data flowing into it.
    func apply(_ stage: Stage, to input: PipelineData, in scope: Scope) async throws -> PipelineData {
        try Task.checkCancellation()
        switch stage.kind {
        case .where(let condition):
            guard input.isSequence else {
                let row = try await collect(input, at: stage.range)
                return .value(try await value(of: condition, in: scope.with(row: row)).isTruthy ? row : .null)
            }
            return .stream(input.rows.filter { row in
                try await value(of: condition, in: scope.with(row: row)).isTruthy
            })
        case .select(let columns):
            return try await mapRows(input, at: stage.range) { row in
                try await project(columns, of: row, in: scope)
            }
        case .map(let transform):
            return try await mapRows(input, at: stage.range) { row in
                try await value(of: transform, in: scope.with(row: row))
            }
        case .sort(let keys):
            return .value(.list(try await sort(try await rows(of: input, at: stage.range), by: keys, in: scope)))
        case .group(let keys, let aggregates):
            return .value(.list(try await group(input, by: keys, with: aggregates, at: stage.range, in: scope)))
        case .slice(let kind, let count):
            return try await slice(input, kind, count: count, at: stage.range, in: scope)
        case .distinct(let columns):
            return .stream(distinct(input, columns, in: scope))
        case .call(let name, let arguments):
            if let function = scope.functions[name.name] {
                return try await callUser(function, arguments: arguments, input: input, at: stage.range, in: scope)
            }
            let builtin = try lookUp(name, in: scope)
            return try await applyBuiltinStage(builtin, arguments, to: input, at: stage.range, in: scope)
        }
    }

    /// Maps each row, keeping a single value single and a stream lazy.
    private func mapRows(
        _ input: PipelineData, at range: SourceRange, _ transform: @escaping @Sendable (Value) async throws -> Value
    ) async throws -> PipelineData {
        guard input.isSequence else { return .value(try await transform(try await collect(input, at: range))) }
        return .stream(input.rows.map(transform))
    }

    /// The record `select` makes of one row.
    private func project(_ columns: [Column], of row: Value, in scope: Scope) async throws -> Value {
        let rowScope = scope.with(row: row)
        var record = Record()
        for (position, column) in columns.enumerated() {
            record[column.name(position: position)] = try await value(of: column.value, in: rowScope)
        }
        return .record(record)
    }

    private func sort(_ rows: [Value], by keys: [SortKey], in scope: Scope) async throws -> [Value] {
        guard !keys.isEmpty else { return rows.sorted(by: Value.sortsBefore) }
        var keyed: [(keys: [Value], row: Value)] = []
        for row in rows {
            var values: [Value] = []
            for key in keys { values.append(try await value(of: key.value, in: scope.with(row: row))) }
            keyed.append((values, row))
        }
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

    private func group(
        _ input: PipelineData, by keys: [Column], with aggregates: [Column], at range: SourceRange, in scope: Scope
    ) async throws -> [Value] {
        var groups = OrderedDictionary<[Value], [Value]>()
        for row in try await rows(of: input, at: range) {
            var key: [Value] = []
            for column in keys { key.append(try await value(of: column.value, in: scope.with(row: row))) }
            groups[key, default: []].append(row)
        }
        var results: [Value] = []
        for (key, members) in groups {
            var record = Record()
            for (position, column) in keys.enumerated() { record[column.name(position: position)] = key[position] }
            if aggregates.isEmpty {
                record["count"] = .int(members.count)
                record["items"] = .list(members)
            } else {
                var groupScope = scope.with(row: .record(record))
                groupScope.groupRows = members
                for (position, column) in aggregates.enumerated() {
                    record[column.name(position: keys.count + position)] = try await value(
                        of: column.value, in: groupScope)
                }
            }
            results.append(.record(record))
        }
        return results
    }

    private func slice(_ input: PipelineData, _ kind: SliceKind, count: Expr?, at range: SourceRange, in scope: Scope)
        async throws -> PipelineData
    {
        var limit: Int?
        if let count {
            let value = try await value(of: count, in: scope)
            guard let int = value.intValue, int >= 0 else {
                throw RuntimeError(
                    .query, id: "slice-count", message: "`\(kind.rawValue)` needs a non-negative integer, not \(value.kindDescription)",
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
    private func distinct(_ input: PipelineData, _ columns: [Column], in scope: Scope) -> ValueStream {
        let rows = input.rows
        return ValueStream {
            var iterator = rows.makeAsyncIterator()
            var seen = Set<Value>()
            return {
                while let row = try await iterator.next() {
                    let key: Value
                    switch columns.count {
                    case 0: key = row
                    case 1: key = try await value(of: columns[0].value, in: scope.with(row: row))
                    default: key = try await project(columns, of: row, in: scope)
                    }
                    if seen.insert(key).inserted { return key }
                }
                return nil
            }
        }
    }
}
