extension CheckSession {
    /// The type after `stages` are applied to data of type `input`.
    mutating func flow(_ input: ValueType, through stages: [Stage], in scope: CheckScope) -> ValueType {
        var current = input
        for stage in stages { current = apply(stage, to: current, in: scope) }
        return current
    }

    private mutating func apply(_ stage: Stage, to input: ValueType, in scope: CheckScope) -> ValueType {
        let row = CheckSession.rowType(of: input)
        let rowScope = scope.with(row: row)
        let isSequence = input.elementType != nil || input == .any
        func rows(_ type: ValueType) -> ValueType { isSequence ? .list(type) : type }
        switch stage.kind {
        case .where(let condition):
            _ = infer(condition, in: rowScope)
            return input
        case .select(let columns):
            return rows(.record(RecordSchema(name: "", fields: fields(of: columns, in: rowScope))))
        case .map(let transform):
            return rows(infer(transform, in: rowScope))
        case .sort(let keys):
            for key in keys { _ = infer(key.value, in: rowScope) }
            return .list(row)
        case .group(let keys, let aggregates):
            var fields = self.fields(of: keys, in: rowScope)
            if aggregates.isEmpty {
                fields += [RecordSchema.Field("count", .int), RecordSchema.Field("items", .list(row))]
            } else {
                var groupScope = scope.with(row: .record(RecordSchema(name: "", fields: fields)))
                groupScope.inGroup = true
                groupScope.groupRowType = row
                for (position, column) in aggregates.enumerated() {
                    fields.append(RecordSchema.Field(column.name(position: keys.count + position), infer(column.value, in: groupScope)))
                }
            }
            return .list(.record(RecordSchema(name: "", fields: fields)))
        case .slice(let kind, let count):
            if let count {
                let type = infer(count, in: scope)
                if case .literal(let literal) = count.kind, !(Evaluator.value(of: literal).intValue.map { $0 >= 0 } ?? false) {
                    report("slice-count", "`\(kind.rawValue)` needs a non-negative integer", at: count.range)
                } else if type != .any, type.unwrapped != .int, type.unwrapped != .number {
                    report("slice-count", "`\(kind.rawValue)` needs an integer, not \(type.displayName)", at: count.range)
                }
            }
            if count == nil, kind == .first || kind == .last { return .optional(row) }
            return .list(row)
        case .distinct(let columns):
            switch columns.count {
            case 0: return .list(row)
            case 1: return .list(infer(columns[0].value, in: rowScope))
            default: return .list(.record(RecordSchema(name: "", fields: fields(of: columns, in: rowScope))))
            }
        case .call(let name, let arguments):
            if scope.functions[name.name] != nil {
                for argument in arguments { _ = infer(argument.value, in: scope) }
                return .any
            }
            guard let builtin = lookUpStage(name, in: scope) else {
                for argument in arguments { _ = infer(argument.value, in: rowScope) }
                return .any
            }
            return self.stage(builtin, arguments, input: input, at: stage.range, in: scope)
        }
    }

    private mutating func fields(of columns: [Column], in scope: CheckScope) -> [RecordSchema.Field] {
        columns.enumerated().map { position, column in
            RecordSchema.Field(column.name(position: position), infer(column.value, in: scope))
        }
    }

    /// A builtin used after `|`, with a stage-specific suggestion when unknown.
    private mutating func lookUpStage(_ name: Identifier, in scope: CheckScope) -> Builtin? {
        if let builtin = registry.builtin(named: name.name) { return builtin }
        let stageNames = registry.builtins.filter { $0.kind != .source }.map(\.name)
            + SliceKind.allCases.map(\.rawValue) + ["where", "select", "sort", "group", "map", "each", "distinct"]
            + Array(scope.functions.keys)
        let suggestion = Suggestions.closest(to: name.name, among: stageNames)
        report("unknown-stage", "unknown stage `\(name.name)`", at: name.range,
               notes: suggestion.map { ["did you mean `\($0)`?"] } ?? ["`cq help` lists every stage"],
               fixIt: suggestion.map { Diagnostic.FixIt(range: name.range, replacement: $0) })
        return nil
    }
}
