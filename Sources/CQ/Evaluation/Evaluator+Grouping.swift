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
        let key = GroupKey(keys)
        let perRow = plan.calls.map { call in call.leading.map { (expression: $0, quick: $0.isQuick) } }
        if concurrently {
            // Keys and per-row values computed several rows at once, in order.
            let projected = input.rows.mapConcurrently(window: window, tasks: context.tasks) { row in
                var values = [try await groupKey(key, of: row, in: scope)]
                for expression in perRow { values.append(try await perRowValue(expression, of: row, in: scope)) }
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
                let position = table.position(for: try await groupKey(key, of: row, in: scope))
                for (slot, expression) in perRow.enumerated() {
                    table.states[position][slot].add(try await perRowValue(expression, of: row, in: scope))
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
        let key = GroupKey(keys)
        if concurrently {
            rows = rows.mapConcurrently(window: window, tasks: context.tasks) { row in
                .list([try await groupKey(key, of: row, in: scope), row])
            }
        }
        for try await element in rows {
            rowCount += 1
            guard rowCount <= limit else { throw rowLimitError(at: range) }
            if concurrently, case .list(let pair) = element {
                table.states[table.position(for: pair[0])].append(pair[1])
            } else {
                table.states[table.position(for: try await groupKey(key, of: element, in: scope))].append(element)
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
    private func perRowValue(_ leading: (expression: BoundExpr, quick: Bool)?, of row: Value, in scope: Scope)
        async throws -> Value
    {
        guard let leading else { return row }
        return try await value(of: leading.expression, quick: leading.quick, row: row, in: scope)
    }

    /// The key of `row`: the value of the one key column, or the list of several.
    private func groupKey(_ key: GroupKey, of row: Value, in scope: Scope) async throws -> Value {
        if key.columns.count == 1 {
            return try await value(of: key.columns[0].value, quick: key.quick[0], row: row, in: scope)
        }
        var values: [Value] = []
        values.reserveCapacity(key.columns.count)
        for (position, column) in key.columns.enumerated() {
            values.append(try await value(of: column.value, quick: key.quick[position], row: row, in: scope))
        }
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

/// The key columns of a `group by`, and which are ``BoundExpr/isQuick``.
private struct GroupKey: Sendable {
    let columns: [BoundColumn]
    let quick: [Bool]

    init(_ columns: [BoundColumn]) {
        self.columns = columns
        self.quick = columns.map(\.value.isQuick)
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
