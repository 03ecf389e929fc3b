import Foundation

extension Evaluator {
    /// Evaluates the expressions that always produce a single value.
    func scalar(_ expr: BoundExpr, in scope: Scope) async throws -> Value {
        switch expr.kind {
        case .literal(let value):
            return value
        case .interpolatedString(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .expression(let inner): text += try await value(of: inner, in: scope).plainText
                }
            }
            return try bounded(.string(text), at: expr.range)
        case .list(let elements):
            var values: [Value] = []
            for element in elements { values.append(try await value(of: element, in: scope)) }
            return .list(values)
        case .record(let entries):
            var record = Record()
            for entry in entries { record[entry.key] = try await value(of: entry.value, in: scope) }
            return .record(record)
        case .it:
            guard let row = scope.row else {
                throw RuntimeError(
                    .query, id: "it-outside-stage", message: "`it` is only defined inside a stage", range: expr.range,
                    notes: ["`it` is the row a stage such as `where` or `map` is looking at"])
            }
            return row
        case .member(let base, let field):
            return try await member(field, of: try await value(of: base, in: scope), at: field.range)
        case .index(let base, let index):
            return try subscriptValue(
                try await value(of: base, in: scope), try await value(of: index, in: scope), at: expr.range)
        case .unary(let op, let operand):
            let value = try await value(of: operand, in: scope)
            switch op {
            case .not: return .bool(!value.isTruthy)
            case .negate: return try operate(at: expr.range) { () throws(OperatorSemantics.Failure) in
                    try OperatorSemantics.negate(value)
                }
            }
        case .binary(let op, let left, let right):
            return try await binary(op, left, right, at: expr.range, in: scope)
        case .conditional(let condition, let then, let otherwise):
            let chosen = try await value(of: condition, in: scope).isTruthy ? then : otherwise
            return try await value(of: chosen, in: scope)
        case .lambda:
            throw RuntimeError(
                .query, id: "lambda-not-callable", message: "a lambda can only be passed to a function",
                range: expr.range, notes: ["for example `any(items, x => x.failed)`"])
        case .stageChain:
            throw RuntimeError(
                .query, id: "stage-chain-outside-def", message: "stages need input; pipe something into them",
                range: expr.range)
        case .invalid(let error):
            throw error
        case .pipeline, .call, .userCall, .name, .variable:
            return try await value(of: expr, in: scope)
        }
    }

    static func value(of literal: Literal) -> Value {
        switch literal {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .int(let int): .int(int)
        case .double(let double): .double(double)
        case .string(let string): .string(string)
        case .duration(let milliseconds): .duration(.milliseconds(milliseconds))
        }
    }

    private func binary(_ op: BinaryOperator, _ left: BoundExpr, _ right: BoundExpr, at range: SourceRange, in scope: Scope)
        async throws -> Value
    {
        switch op {
        case .and:
            guard try await value(of: left, in: scope).isTruthy else { return .bool(false) }
            return .bool(try await value(of: right, in: scope).isTruthy)
        case .or:
            if try await value(of: left, in: scope).isTruthy { return .bool(true) }
            return .bool(try await value(of: right, in: scope).isTruthy)
        case .coalesce:
            let leftValue = try await value(of: left, in: scope)
            return leftValue.isNull ? try await value(of: right, in: scope) : leftValue
        default:
            let leftValue = try await value(of: left, in: scope)
            let rightValue = try await value(of: right, in: scope)
            return try bounded(
                try operate(at: range) { () throws(OperatorSemantics.Failure) in
                    try OperatorSemantics.apply(op, leftValue, rightValue)
                }, at: range)
        }
    }

    private func operate(at range: SourceRange, _ body: () throws(OperatorSemantics.Failure) -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw RuntimeError(.query, id: "operator-type", message: error.message, range: range, notes: error.notes)
        }
    }

    /// `base[index]`: list positions (negative from the end), record keys, characters.
    func subscriptValue(_ base: Value, _ index: Value, at range: SourceRange) throws -> Value {
        switch (base, index) {
        case (.null, _): return .null
        case (.list(let list), _):
            guard let position = index.intValue else {
                throw RuntimeError(
                    .query, id: "index-type", message: "a list index must be an integer, not \(index.kindDescription)",
                    range: range)
            }
            let resolved = position < 0 ? list.count + position : position
            return list.indices.contains(resolved) ? list[resolved] : .null
        case (.record(let record), .string(let key)):
            return record[key] ?? .null
        case (.string(let string), _):
            guard let position = index.intValue else {
                throw RuntimeError(.query, id: "index-type", message: "a string index must be an integer", range: range)
            }
            let characters = Array(string)
            let resolved = position < 0 ? characters.count + position : position
            return characters.indices.contains(resolved) ? .string(String(characters[resolved])) : .null
        default:
            throw RuntimeError(
                .query, id: "index-type",
                message: "cannot index \(base.kindDescription) with \(index.kindDescription)", range: range)
        }
    }
}
