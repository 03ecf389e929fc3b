extension BoundExpr {
    /// Whether this expression can be computed for a row synchronously: it
    /// calls nothing and reads no stream — fields, variables, literals,
    /// operators, conditionals (`status == "failed"`, `duration > 60s`,
    /// `vcs.branch ?? "-"`). Found once per stage, not per row.
    var isQuick: Bool {
        !contains { inner in
            switch inner.kind {
            case .literal, .name, .variable, .it, .member, .index, .unary, .binary, .conditional, .list, .record,
                .interpolatedString:
                false
            default:
                true
            }
        }
    }
}

extension Evaluator {
    /// The value of `expr` for `row`: computed synchronously when `quick`
    /// (``BoundExpr/isQuick``) and nothing at run time needs the general path
    /// (a derived field, a stream in a variable, an error to report);
    /// otherwise, as every expression, by ``value(of:in:)``.
    ///
    /// Both paths count the same steps and give the same value; the quick one
    /// copies no scope, awaits nothing and charges its steps at once.
    func value(of expr: BoundExpr, quick: Bool, row: Value, in scope: Scope) async throws -> Value {
        if quick {
            var steps = 0
            if let value = quickValue(of: expr, row: row, in: scope, steps: &steps), context.meter.charge(steps) {
                return value
            }
        }
        return try await value(of: expr, in: scope.with(row: row))
    }

    /// `nil` when the general path must compute it.
    private func quickValue(of expr: BoundExpr, row: Value, in scope: Scope, steps: inout Int) -> Value? {
        steps += 1
        switch expr.kind {
        case .literal(let value):
            return value
        case .it:
            return row
        case .name(let name):
            return quickName(name, row: row, in: scope)
        case .variable(let name):
            if !scope.variables.isEmpty, let data = scope.variables[name] {
                guard case .value(let value) = data else { return nil }
                return value
            }
            return scope.locals.isEmpty ? nil : scope.locals[name]
        case .member(let base, let field):
            guard let base = quickValue(of: base, row: row, in: scope, steps: &steps) else { return nil }
            return quickMember(field.name, of: base)
        case .index(let base, let index):
            guard let base = quickValue(of: base, row: row, in: scope, steps: &steps),
                let index = quickValue(of: index, row: row, in: scope, steps: &steps)
            else { return nil }
            return try? subscriptValue(base, index, at: expr.range)
        case .unary(let op, let operand):
            guard let value = quickValue(of: operand, row: row, in: scope, steps: &steps) else { return nil }
            switch op {
            case .not: return .bool(!value.isTruthy)
            case .negate: return try? OperatorSemantics.negate(value)
            }
        case .binary(let op, let left, let right):
            guard let left = quickValue(of: left, row: row, in: scope, steps: &steps) else { return nil }
            switch op {
            case .and:
                guard left.isTruthy else { return .bool(false) }
                return quickValue(of: right, row: row, in: scope, steps: &steps).map { .bool($0.isTruthy) }
            case .or:
                if left.isTruthy { return .bool(true) }
                return quickValue(of: right, row: row, in: scope, steps: &steps).map { .bool($0.isTruthy) }
            case .coalesce:
                guard left.isNull else { return left }
                return quickValue(of: right, row: row, in: scope, steps: &steps)
            default:
                guard let right = quickValue(of: right, row: row, in: scope, steps: &steps),
                    let result = try? OperatorSemantics.apply(op, left, right)
                else { return nil }
                return try? bounded(result, at: expr.range)
            }
        case .conditional(let condition, let then, let otherwise):
            guard let test = quickValue(of: condition, row: row, in: scope, steps: &steps) else { return nil }
            return quickValue(of: test.isTruthy ? then : otherwise, row: row, in: scope, steps: &steps)
        case .list(let elements):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let value = quickValue(of: element, row: row, in: scope, steps: &steps) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .record(let entries):
            var record = Record()
            for entry in entries {
                guard let value = quickValue(of: entry.value, row: row, in: scope, steps: &steps) else { return nil }
                record[entry.key] = value
            }
            return .record(record)
        case .interpolatedString(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .expression(let inner):
                    guard let value = quickValue(of: inner, row: row, in: scope, steps: &steps) else { return nil }
                    text += value.plainText
                }
            }
            return try? bounded(.string(text), at: expr.range)
        default:
            return nil
        }
    }

    /// A bare name, resolved as ``resolve(name:at:in:)`` does.
    private func quickName(_ name: String, row: Value, in scope: Scope) -> Value? {
        if !scope.locals.isEmpty, let local = scope.locals[name] { return local }
        if case .record(let record) = row {
            if let value = record[name] { return value }
            // A derived field is computed on the general path.
            if let typeName = record.typeName, context.registry.derivedField(name, of: typeName) != nil { return nil }
        }
        if !scope.variables.isEmpty, let data = scope.variables[name] {
            guard case .value(let value) = data else { return nil }
            return value
        }
        if !scope.functions.isEmpty, scope.functions[name] != nil { return nil }
        if case .record = row { return .null }
        return nil
    }

    /// `value.field`, as ``member(_:of:at:)`` reads it.
    private func quickMember(_ name: String, of value: Value) -> Value? {
        switch value {
        case .record(let record):
            if let field = record[name] { return field }
            if let typeName = record.typeName, context.registry.derivedField(name, of: typeName) != nil { return nil }
            return .null
        case .list(let elements):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let field = quickMember(name, of: element) else { return nil }
                values.append(field)
            }
            return .list(values)
        case .null:
            return .null
        default:
            return nil
        }
    }
}
