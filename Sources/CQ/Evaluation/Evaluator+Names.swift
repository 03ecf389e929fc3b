extension Evaluator {
    /// A bare name: a lambda parameter, a field of the current row, a variable,
    /// or a parameterless `def`, in that order.
    func resolve(name: String, at range: SourceRange, in scope: Scope) async throws -> PipelineData {
        if let local = scope.locals[name] { return .value(local) }
        if case .record(let record) = scope.row, let value = try await field(name, of: record) {
            return .value(value)
        }
        if let data = scope.variables[name] { return data }
        if let function = scope.functions[name], function.parameters.isEmpty {
            return try await callUser(
                named: Identifier(function.name, range: range), arguments: [], input: nil, at: range, in: scope)
        }
        if case .record = scope.row { return .value(.null) }
        let known = Array(scope.variables.keys) + Array(scope.locals.keys) + Array(scope.functions.keys)
        var notes = Suggestions.closest(to: name, among: known).map { ["did you mean `\($0)`?"] } ?? []
        if scope.row == nil { notes.append("field names can be used bare only inside a stage such as `where`") }
        throw RuntimeError(.query, id: "unknown-name", message: "`\(name)` is not defined", range: range, notes: notes)
    }

    /// `value.field`: a record's field (computing derived fields on demand),
    /// the field of each element of a list, `null` for `null`.
    func member(_ field: Identifier, of value: Value, at range: SourceRange) async throws -> Value {
        switch value {
        case .record(let record):
            return try await self.field(field.name, of: record) ?? .null
        case .list(let elements):
            var values: [Value] = []
            for element in elements { values.append(try await member(field, of: element, at: range)) }
            return .list(values)
        case .null:
            return .null
        default:
            throw RuntimeError(
                .query, id: "field-of-non-record",
                message: "cannot read field `\(field.name)` of \(value.kindDescription)", range: range)
        }
    }

    /// The field `name` of `record`, computing a derived field if needed;
    /// `nil` when the record has no such field.
    func field(_ name: String, of record: Record) async throws -> Value? {
        if let value = record[name] { return value }
        guard let typeName = record.typeName,
            let derived = context.registry.derivedField(name, of: typeName)
        else { return nil }
        return try await compute(derived, for: record)
    }

    func compute(_ derived: DerivedField, for record: Record) async throws -> Value {
        let context = self.context
        guard let key = derived.memoKey(record) else { return try await derived.compute(record, context) }
        return try await context.memo.value(for: "\(derived.typeName).\(derived.field.name):\(key)") {
            try await derived.compute(record, context)
        }
    }

    /// `value` with every derived field of its records computed, for display.
    public func materialize(_ value: Value) async throws -> Value {
        switch value {
        case .record(var record):
            guard let typeName = record.typeName else { return value }
            let missing = context.registry.derivedFields(of: typeName).filter { record[$0.field.name] == nil }
            guard !missing.isEmpty else { return value }
            for derived in missing { record[derived.field.name] = try await compute(derived, for: record) }
            guard let order = context.registry.schema(named: typeName)?.fieldNames else { return .record(record) }
            var ordered = Record(typeName: typeName)
            for name in order { if let field = record[name] { ordered[name] = field } }
            for (key, field) in record.fields where ordered[key] == nil { ordered[key] = field }
            return .record(ordered)
        case .list(let elements):
            return .list(try await perRow(elements, concurrently: true) { try await materialize($0) })
        default:
            return value
        }
    }

    /// `data` with derived fields computed, keeping streams lazy; several
    /// rows (``EvaluationOptions/concurrency``) are completed at once.
    public func materialize(_ data: PipelineData) async throws -> PipelineData {
        switch data {
        case .value(let value): .value(try await materialize(value))
        case .stream(let stream):
            .stream(stream.mapConcurrently(window: window, tasks: context.tasks) { try await materialize($0) })
        }
    }
}
