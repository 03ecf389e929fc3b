import Foundation

extension Value {
    /// Equality as `==` sees it: numbers compare by value across int and float,
    /// a timestamp equals a string that parses to the same instant, lists and
    /// records compare element-wise.
    public func looselyEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
            return Double(a) == b
        case (.timestamp(let date), .string(let text)), (.string(let text), .timestamp(let date)):
            guard let parsed = Timestamp.parse(text) else { return false }
            return parsed == date
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.looselyEquals($1) }
        case (.record(let a), .record(let b)):
            return a.fields.count == b.fields.count
                && a.fields.allSatisfy { key, value in b.fields[key].map(value.looselyEquals) ?? false }
        default:
            return self == other
        }
    }

    /// Ordering as `<`, `<=`, `>`, `>=` see it.
    ///
    /// - Returns: the ordering, or `nil` when either side is `null` (such
    ///   comparisons are false, as in SQL).
    /// - Throws: ``ComparisonError`` for kinds that have no common order.
    public func compare(to other: Value) throws(ComparisonError) -> ComparisonResult? {
        switch (self, other) {
        case (.null, _), (_, .null):
            return nil
        case (.int(let a), .int(let b)):
            return Self.order(a, b)
        case (.bool(let a), .bool(let b)):
            return Self.order(a ? 1 : 0, b ? 1 : 0)
        case (.string(let a), .string(let b)):
            return Self.order(a, b)
        case (.timestamp(let a), .timestamp(let b)):
            return Self.order(a, b)
        case (.duration(let a), .duration(let b)):
            return Self.order(a, b)
        case (.timestamp(let date), .string(let text)):
            guard let parsed = Timestamp.parse(text) else { throw ComparisonError(left: self, right: other) }
            return Self.order(date, parsed)
        case (.string(let text), .timestamp(let date)):
            guard let parsed = Timestamp.parse(text) else { throw ComparisonError(left: self, right: other) }
            return Self.order(parsed, date)
        default:
            if let a = numberValue, let b = other.numberValue { return Self.order(a, b) }
            if case .list(let a) = self, case .list(let b) = other {
                for (x, y) in zip(a, b) {
                    if let result = try x.compare(to: y), result != .orderedSame { return result }
                }
                return Self.order(a.count, b.count)
            }
            throw ComparisonError(left: self, right: other)
        }
    }

    /// A total order for sorting: values of one kind in their natural order,
    /// different kinds by kind; `null` sorts after everything.
    public static func sortsBefore(_ a: Value, _ b: Value) -> Bool {
        if let result = try? a.compare(to: b) { return result == .orderedAscending }
        return a.sortRank < b.sortRank
    }

    private var sortRank: Int {
        switch self {
        case .bool: 0
        case .int, .double: 1
        case .duration: 2
        case .timestamp: 3
        case .string: 4
        case .list: 5
        case .record: 6
        case .null: 7
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
        a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
    }
}

/// Two values that have no common order, such as a string and a number.
public struct ComparisonError: Error, Sendable, Hashable {
    /// The left operand.
    public var left: Value
    /// The right operand.
    public var right: Value

    /// "cannot compare string with int".
    public var message: String {
        "cannot compare \(left.kindDescription) with \(right.kindDescription)"
    }
}
