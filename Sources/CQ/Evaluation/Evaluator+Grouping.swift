extension Evaluator {
    /// `group by keys [with aggregates]`: the rows stream into their groups.
    ///
    /// With aggregates (and a ``GroupPlan``), a group keeps one
    /// ``AggregateAccumulator`` per aggregate call — a count, a sum, a
    /// minimum, or the values of a median — never its rows. Otherwise (no
    /// `with`, whose groups list their `items`, or aggregates used where
    /// only rows can answer) a group keeps its rows. Groups come out in the
    /// order their first row came in.
    func group(
        _ input: PipelineData, by keys: [BoundColumn], with aggregates: [BoundColumn], concurrently: Bool,
        at range: SourceRange, in scope: Scope
    ) async throws -> [Value] {
        guard !aggregates.isEmpty, let plan = GroupPlan(columns: aggregates, functions: scope.functions) else {
            return try await groupKeepingRows(
                input, by: keys, with: aggregates, concurrently: concurrently, at: range, in: scope)
        }
        let limit = context.options.maxRowsPerStage
        var table = GroupTable<[AggregateAccumulator]>(empty: plan.calls.map { AggregateAccumulator($0.builtin) })
        var rowCount = 0
        if concurrently {
            // Keys and per-row values computed several rows at once, in order.
            let projected = input.rows.mapConcurrently(window: window, tasks: context.tasks) { row in
                let rowScope = scope.with(row: row)
                var values = [try await groupKey(keys, in: rowScope)]
                for call in plan.calls { values.append(try await perRowValue(of: call, row: row, in: rowScope)) }
                return .list(values)
            }
            for try await projection in projected {
                rowCount += 1
                guard rowCount <= limit else { throw rowLimitError(at: range) }
                let values = projection.listValue ?? []
                let position = table.position(for: values[0])
                for slot in plan.calls.indices { table.states[position][slot].add(values[slot + 1]) }
            }
        } else {
            for try await row in input.rows {
                rowCount += 1
                guard rowCount <= limit else { throw rowLimitError(at: range) }
                let rowScope = scope.with(row: row)
                let position = table.position(for: try await groupKey(keys, in: rowScope))
                for (slot, call) in plan.calls.enumerated() {
                    table.states[position][slot].add(try await perRowValue(of: call, row: row, in: rowScope))
                }
            }
        }
        var results: [Value] = []
        results.reserveCapacity(table.keys.count)
        for (position, key) in table.keys.enumerated() {
            var record = keyRecord(keys, key)
            var groupScope = scope.with(row: .record(record))
            groupScope.groupAggregates = Dictionary(
                zip(plan.calls.map(\.range), table.states[position]), uniquingKeysWith: { first, _ in first })
            for column in aggregates {
                record[column.name] = try await value(of: column.value, in: groupScope)
            }
            results.append(.record(record))
        }
        return results
    }

    /// Groups that keep their rows: `group by k` lists each group's `items`;
    /// aggregates that need the rows read them from ``Scope/groupRows``.
    private func groupKeepingRows(
        _ input: PipelineData, by keys: [BoundColumn], with aggregates: [BoundColumn], concurrently: Bool,
        at range: SourceRange, in scope: Scope
    ) async throws -> [Value] {
        let limit = context.options.maxRowsPerStage
        var table = GroupTable<[Value]>(empty: [])
        var rowCount = 0
        var rows = input.rows
        if concurrently {
            rows = rows.mapConcurrently(window: window, tasks: context.tasks) { row in
                .list([try await groupKey(keys, in: scope.with(row: row)), row])
            }
        }
        for try await element in rows {
            rowCount += 1
            guard rowCount <= limit else { throw rowLimitError(at: range) }
            if concurrently, case .list(let pair) = element {
                table.states[table.position(for: pair[0])].append(pair[1])
            } else {
                table.states[table.position(for: try await groupKey(keys, in: scope.with(row: element)))].append(element)
            }
        }
        var results: [Value] = []
        for (position, key) in table.keys.enumerated() {
            let members = table.states[position]
            var record = keyRecord(keys, key)
            if aggregates.isEmpty {
                record["count"] = .int(members.count)
                record["items"] = .list(members)
            } else {
                var groupScope = scope.with(row: .record(record))
                groupScope.groupRows = members
                groupScope.concurrentRows = concurrently
                for column in aggregates {
                    record[column.name] = try await value(of: column.value, in: groupScope)
                }
            }
            results.append(.record(record))
        }
        return results
    }

    /// What an aggregate call adds for a row: its leading expression's value, or the row.
    private func perRowValue(of call: BoundCall, row: Value, in rowScope: Scope) async throws -> Value {
        guard let leading = call.leading else { return row }
        return try await value(of: leading, in: rowScope)
    }

    /// The key of the row `rowScope` looks at: the value of the one key
    /// column, or the list of several.
    private func groupKey(_ keys: [BoundColumn], in rowScope: Scope) async throws -> Value {
        if keys.count == 1 { return try await value(of: keys[0].value, in: rowScope) }
        var values: [Value] = []
        values.reserveCapacity(keys.count)
        for column in keys { values.append(try await value(of: column.value, in: rowScope)) }
        return .list(values)
    }

    /// The record of a group's key columns.
    private func keyRecord(_ keys: [BoundColumn], _ key: Value) -> Record {
        let values = keys.count == 1 ? [key] : key.listValue ?? []
        var record = Record()
        for (position, column) in keys.enumerated() { record[column.name] = values[position] }
        return record
    }
}

/// Groups by key in the order their first row came, each with its state.
private struct GroupTable<State> {
    let empty: State
    private var positions: [Value: Int] = [:]
    private(set) var keys: [Value] = []
    var states: [State] = []

    init(empty: State) { self.empty = empty }

    /// The position of the group of `key`, added when new.
    mutating func position(for key: Value) -> Int {
        if let position = positions[key] { return position }
        let position = keys.count
        positions[key] = position
        keys.append(key)
        states.append(empty)
        return position
    }
}
