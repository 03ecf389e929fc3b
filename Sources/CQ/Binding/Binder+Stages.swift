extension Binder {
    /// `stages` bound, applied in order to data of type `input`, and the type
    /// that flows out.
    ///
    /// - Parameter seesOrigin: whether the rows come from a builtin call seen
    ///   here (not a variable or a `def`), so that what filtered them is known
    ///   (for ``checkAggregationCaveats(reading:keys:row:filtered:stage:)``).
    mutating func flow(_ input: ValueType, through stages: [Stage], in scope: BindScope, seesOrigin: Bool = false)
        -> ([BoundStage], ValueType)
    {
        var current = input
        var bound: [BoundStage] = []
        // The fields `where` stages have read since the rows took their current type.
        var filtered: Set<String>? = seesOrigin ? [] : nil
        for stage in stages {
            var stageScope = scope
            stageScope.filteredFields = filtered
            let next = apply(stage, to: current, in: stageScope)
            bound.append(next)
            switch stage.kind {
            case .where(let condition): filtered?.formUnion(condition.referencedFieldNames)
            case .call(let name, _) where scope.functions[name.name] != nil: filtered = nil
            default: break
            }
            if Self.rowType(of: next.type).recordSchema?.name != Self.rowType(of: current).recordSchema?.name {
                // New rows (`| jobs`): nothing has filtered them yet.
                if case .call(let name, _) = stage.kind, registry.builtin(named: name.name) != nil { filtered = [] }
            }
            current = next.type
        }
        return (bound, current)
    }

    private mutating func apply(_ stage: Stage, to input: ValueType, in scope: BindScope) -> BoundStage {
        let row = Self.rowType(of: input)
        let rowScope = scope.with(row: row)
        let isSequence = input.elementType != nil || input == .any
        func rows(_ type: ValueType) -> ValueType { isSequence ? .list(type) : type }
        func bound(_ kind: BoundStage.Kind, _ type: ValueType) -> BoundStage {
            BoundStage(kind, range: stage.range, inputType: input, type: type)
        }
        switch stage.kind {
        case .where(let condition):
            return bound(.where(bind(condition, in: rowScope)), input)
        case .select(let columns):
            let bound = self.columns(columns, in: rowScope)
            return BoundStage(.select(bound), range: stage.range, inputType: input, type: rows(.record(Self.schema(of: bound))))
        case .map(let transform):
            let value = bind(transform, in: rowScope)
            return bound(.map(value), rows(value.type))
        case .sort(let keys):
            let sortKeys = keys.map { BoundSortKey(value: bind($0.value, in: rowScope), descending: $0.descending) }
            return bound(.sort(sortKeys), .list(row))
        case .group(let keys, let aggregates):
            checkAggregationCaveats(
                reading: aggregates.map(\.value), keys: keys.map(\.value), row: row, filtered: scope.filteredFields,
                stage: stage)
            return group(keys, aggregates, row: row, stage: stage, input: input, in: scope)
        case .slice(let kind, let count):
            return bound(.slice(kind, count.map { slice(kind, count: $0, in: scope) }),
                         count == nil && (kind == .first || kind == .last) ? .optional(row) : .list(row))
        case .distinct(let columns):
            let bound = self.columns(columns, in: rowScope)
            let type: ValueType =
                switch bound.count {
                case 0: .list(row)
                case 1: .list(bound[0].value.type)
                default: .list(.record(Self.schema(of: bound)))
                }
            return BoundStage(.distinct(bound), range: stage.range, inputType: input, type: type)
        case .call(let name, let written):
            let arguments = resolvingEquals(written, of: name, in: rowScope)
            if scope.functions[name.name] != nil {
                return bound(.userCall(name, arguments.map { bind($0.value, in: scope) }), .any)
            }
            guard let builtin = lookUpStage(name, in: scope) else {
                for argument in arguments { _ = bind(argument.value, in: rowScope) }
                return bound(.invalid(unknownFunction(name, in: scope)), .any)
            }
            if builtin.kind == .aggregate {
                checkAggregationCaveats(
                    reading: arguments.map(\.value), row: row, filtered: scope.filteredFields, stage: stage)
            }
            let (call, type, error) = self.stage(builtin, name, arguments, input: input, at: stage.range, in: scope)
            return bound(error.map { .invalid($0) } ?? .call(call), type)
        }
    }

    private mutating func group(
        _ keys: [Column], _ aggregates: [Column], row: ValueType, stage: Stage, input: ValueType, in scope: BindScope
    ) -> BoundStage {
        let boundKeys = columns(keys, in: scope.with(row: row))
        var fields = Self.schema(of: boundKeys).fields
        var boundAggregates: [BoundColumn] = []
        if aggregates.isEmpty {
            fields += [RecordSchema.Field("count", .int), RecordSchema.Field("items", .list(row))]
        } else {
            var groupScope = scope.with(row: .record(RecordSchema(name: "", fields: fields)))
            groupScope.inGroup = true
            groupScope.groupRowType = row
            for (position, column) in aggregates.enumerated() {
                let name = column.name(position: keys.count + position)
                let value = bind(column.value, in: groupScope)
                boundAggregates.append(BoundColumn(name: name, value: value))
                fields.append(RecordSchema.Field(name, value.type))
            }
        }
        return BoundStage(
            .group(keys: boundKeys, aggregates: boundAggregates), range: stage.range, inputType: input,
            type: .list(.record(RecordSchema(name: "", fields: fields))))
    }

    private mutating func slice(_ kind: SliceKind, count: Expr, in scope: BindScope) -> BoundExpr {
        let bound = bind(count, in: scope)
        if case .literal(let literal) = count.kind, !(Evaluator.value(of: literal).intValue.map { $0 >= 0 } ?? false) {
            report("slice-count", "`\(kind.rawValue)` needs a non-negative integer", at: count.range)
        } else if bound.type != .any, bound.type.unwrapped != .int, bound.type.unwrapped != .number {
            report("slice-count", "`\(kind.rawValue)` needs an integer, not \(bound.type.displayName)", at: count.range)
        }
        return bound
    }

    private mutating func columns(_ columns: [Column], in scope: BindScope) -> [BoundColumn] {
        columns.enumerated().map { position, column in
            BoundColumn(name: column.name(position: position), value: bind(column.value, in: scope))
        }
    }

    private static func schema(of columns: [BoundColumn]) -> RecordSchema {
        RecordSchema(name: "", fields: columns.map { RecordSchema.Field($0.name, $0.value.type) })
    }

    /// A builtin used after `|`, with a stage-specific suggestion when unknown.
    private mutating func lookUpStage(_ name: Identifier, in scope: BindScope) -> Builtin? {
        if let builtin = registry.builtin(named: name.name) { return builtin }
        let stageNames = registry.builtins.filter { $0.kind != .source }.map(\.name)
            + SliceKind.allCases.map(\.rawValue) + ["where", "select", "sort", "group", "map", "each", "distinct"]
            + Array(scope.functions.keys)
        if let habit = Habits.bareStages[name.name.lowercased()] {
            // `| head`, `| length`: another language's stage.
            report("unknown-stage", "unknown stage `\(name.name)`; did you mean `\(habit)`?", at: name.range,
                   fixIt: Diagnostic.FixIt(range: name.range, replacement: habit))
            return nil
        }
        let suggestion = Suggestions.closest(to: name.name, among: stageNames)
        report("unknown-stage", "unknown stage `\(name.name)`", at: name.range,
               notes: suggestion.map { ["did you mean `\($0)`?"] } ?? ["`cq help` lists every stage"],
               fixIt: suggestion.map { Diagnostic.FixIt(range: name.range, replacement: $0) })
        return nil
    }
}
