import Foundation

/// The meaning of the arithmetic, comparison, membership and match operators.
///
/// Integers are 64-bit and exact; a result that does not fit (`Int.max + 1`,
/// `Int.min / -1`) becomes a float instead of wrapping or trapping.
///
/// `and`, `or` and `??` short-circuit and are handled by the evaluator itself.
enum OperatorSemantics {
    /// A message for an operator applied to values it does not accept.
    struct Failure: Error {
        var message: String
        var notes: [String] = []
    }

    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Failure) -> Value {
        switch op {
        case .equal: return .bool(left.looselyEquals(right))
        case .notEqual: return .bool(!left.looselyEquals(right))
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return try compare(op, left, right)
        case .matches, .notMatches:
            let matched = try match(left, right)
            return matched.map { .bool(op == .matches ? $0 : !$0) } ?? .bool(false)
        case .in: return try membership(left, right)
        case .add: return try add(left, right)
        case .subtract: return try subtract(left, right)
        case .multiply: return try multiply(left, right)
        case .divide: return try divide(left, right)
        case .remainder: return try remainder(left, right)
        case .and, .or, .coalesce:
            throw Failure(message: "`\(op.rawValue)` is evaluated lazily")
        }
    }

    private static func compare(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Failure) -> Value {
        let order: ComparisonResult?
        do {
            order = try left.compare(to: right)
        } catch {
            var notes: [String] = []
            if case .string = right, left.kind == .timestamp || left.kind == .string {
                notes.append("timestamps compare with ISO 8601 strings such as \"2026-11-20\"")
            }
            throw Failure(message: error.message, notes: notes)
        }
        guard let order else { return .bool(false) }
        switch op {
        case .less: return .bool(order == .orderedAscending)
        case .lessOrEqual: return .bool(order != .orderedDescending)
        case .greater: return .bool(order == .orderedDescending)
        default: return .bool(order != .orderedAscending)
        }
    }

    private static func match(_ left: Value, _ right: Value) throws(Failure) -> Bool? {
        guard case .string(let pattern) = right else {
            throw Failure(message: "the right side of `=~` must be a regular expression string")
        }
        guard case .string(let text) = left else { return left.isNull ? nil : false }
        let regex: LinearRegex
        do {
            regex = try LinearRegex.cached(pattern)
        } catch {
            throw Failure(message: error.description(of: pattern))
        }
        do {
            return try regex.matches(text)
        } catch {
            throw Failure(message: RegexLimitError.message)
        }
    }

    private static func membership(_ left: Value, _ right: Value) throws(Failure) -> Value {
        switch right {
        case .list(let elements): return .bool(elements.contains { $0.looselyEquals(left) })
        case .string(let text):
            guard case .string(let needle) = left else { return .bool(false) }
            return .bool(text.contains(needle))
        case .record(let record):
            guard case .string(let key) = left else { return .bool(false) }
            return .bool(record.fields[key] != nil)
        case .null: return .bool(false)
        default: throw Failure(message: "`in` needs a list, string or record on the right, not \(right.kindDescription)")
        }
    }

    private static func add(_ left: Value, _ right: Value) throws(Failure) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? .double(Double(a) + Double(b)) : .int(sum)
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.list(let a), .list(let b)): return .list(a + b)
        case (.record(var a), .record(let b)):
            for (key, value) in b.fields { a.fields[key] = value }
            return .record(a)
        case (.timestamp(let date), .duration(let duration)), (.duration(let duration), .timestamp(let date)):
            return .timestamp(date.addingTimeInterval(duration.seconds))
        case (.duration(let a), .duration(let b)): return .duration(a + b)
        case (.null, _), (_, .null): return .null
        default:
            if let a = left.numberValue, let b = right.numberValue { return .double(a + b) }
            throw mismatch("+", left, right)
        }
    }

    private static func subtract(_ left: Value, _ right: Value) throws(Failure) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            return overflow ? .double(Double(a) - Double(b)) : .int(difference)
        case (.timestamp(let a), .timestamp(let b)):
            return .duration(.seconds(fromDouble: a.timeIntervalSince(b)))
        case (.timestamp(let date), .duration(let duration)):
            return .timestamp(date.addingTimeInterval(-duration.seconds))
        case (.timestamp(let date), .string(let text)):
            guard let other = Timestamp.parse(text) else { throw mismatch("-", left, right) }
            return .duration(.seconds(fromDouble: date.timeIntervalSince(other)))
        case (.duration(let a), .duration(let b)): return .duration(a - b)
        case (.null, _), (_, .null): return .null
        default:
            if let a = left.numberValue, let b = right.numberValue { return .double(a - b) }
            throw mismatch("-", left, right)
        }
    }

    private static func multiply(_ left: Value, _ right: Value) throws(Failure) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? .double(Double(a) * Double(b)) : .int(product)
        case (.duration(let duration), _) where right.numberValue != nil:
            return .duration(.seconds(fromDouble: duration.seconds * (right.numberValue ?? 1)))
        case (_, .duration(let duration)) where left.numberValue != nil:
            return .duration(.seconds(fromDouble: duration.seconds * (left.numberValue ?? 1)))
        case (.null, _), (_, .null): return .null
        default:
            if let a = left.numberValue, let b = right.numberValue { return .double(a * b) }
            throw mismatch("*", left, right)
        }
    }

    private static func divide(_ left: Value, _ right: Value) throws(Failure) -> Value {
        switch (left, right) {
        case (.null, _), (_, .null): return .null
        case (.duration(let a), .duration(let b)):
            guard b != .zero else { throw Failure(message: "division by a zero duration") }
            return .double(a.seconds / b.seconds)
        case (.duration(let duration), _):
            guard let divisor = right.numberValue else { throw mismatch("/", left, right) }
            guard divisor != 0 else { throw Failure(message: "division by zero") }
            return .duration(.seconds(fromDouble: duration.seconds / divisor))
        case (.int(let a), .int(let b)):
            guard b != 0 else { throw Failure(message: "division by zero") }
            let (quotient, overflow) = a.dividedReportingOverflow(by: b)
            guard !overflow else { return .double(Double(a) / Double(b)) }
            return quotient * b == a ? .int(quotient) : .double(Double(a) / Double(b))
        default:
            guard let a = left.numberValue, let b = right.numberValue else { throw mismatch("/", left, right) }
            guard b != 0 else { throw Failure(message: "division by zero") }
            return .double(a / b)
        }
    }

    private static func remainder(_ left: Value, _ right: Value) throws(Failure) -> Value {
        switch (left, right) {
        case (.null, _), (_, .null): return .null
        case (.int(let a), .int(let b)):
            guard b != 0 else { throw Failure(message: "division by zero") }
            // Only `Int.min % -1` overflows; its remainder is 0.
            let (remainder, overflow) = a.remainderReportingOverflow(dividingBy: b)
            return .int(overflow ? 0 : remainder)
        default:
            guard let a = left.numberValue, let b = right.numberValue else { throw mismatch("%", left, right) }
            guard b != 0 else { throw Failure(message: "division by zero") }
            return .double(a.truncatingRemainder(dividingBy: b))
        }
    }

    static func negate(_ value: Value) throws(Failure) -> Value {
        switch value {
        case .int(let int): return int == .min ? .double(-Double(int)) : .int(-int)
        case .double(let double): return .double(-double)
        case .duration(let duration): return .duration(.zero - duration)
        case .null: return .null
        default: throw Failure(message: "cannot negate \(value.kindDescription)")
        }
    }

    private static func mismatch(_ symbol: String, _ left: Value, _ right: Value) -> Failure {
        Failure(message: "cannot apply `\(symbol)` to \(left.kindDescription) and \(right.kindDescription)")
    }
}
