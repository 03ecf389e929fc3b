import Foundation
import OrderedCollections

/// A cq value: what expressions produce and records hold.
///
/// One closed enum: truthiness, ordering, equality, JSON and display are each
/// written once, as extensions (`Value+Comparison.swift`, `Value+JSON.swift`, …).
/// Lazy API lists are not values; they flow as ``PipelineData/stream(_:)``.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// A point in time (API `date-time` fields, `now()`, parsed dates).
    case timestamp(Date)
    /// A length of time (`30s`, `stopped_at - started_at`).
    case duration(Duration)
    case list([Value])
    case record(Record)
}

/// An ordered collection of named values, optionally tagged with the schema it follows.
///
/// The tag (``typeName``, e.g. `Pipeline`, `Job`) lets the evaluator compute
/// derived fields on demand (a pipeline's outcome `state`) and lets the checker and
/// the REPL know which fields exist. Equality ignores the tag.
public struct Record: Sendable, Hashable {
    /// The fields in their display order.
    public var fields: OrderedDictionary<String, Value>
    /// The name of the ``RecordSchema`` this record follows, if known.
    public var typeName: String?

    /// Creates a record from ordered fields.
    public init(_ fields: OrderedDictionary<String, Value> = [:], typeName: String? = nil) {
        self.fields = fields
        self.typeName = typeName
    }

    /// Creates a record from key-value pairs, keeping their order; later duplicates win.
    public init(_ pairs: [(String, Value)], typeName: String? = nil) {
        var fields = OrderedDictionary<String, Value>()
        for (key, value) in pairs { fields[key] = value }
        self.init(fields, typeName: typeName)
    }

    /// The value of `key`, or `nil` when the record has no such field.
    public subscript(key: String) -> Value? {
        get { fields[key] }
        set { fields[key] = newValue }
    }

    /// The field names in order.
    public var keys: [String] { Array(fields.keys) }

    public static func == (lhs: Record, rhs: Record) -> Bool { lhs.fields == rhs.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }
}

extension Value {
    /// Wraps a record.
    public static func record(_ pairs: [(String, Value)], typeName: String? = nil) -> Value {
        .record(Record(pairs, typeName: typeName))
    }

    /// `true` for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The record, if this value is one.
    public var recordValue: Record? {
        if case .record(let record) = self { return record }
        return nil
    }

    /// The string, if this value is one.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The elements, if this value is a list.
    public var listValue: [Value]? {
        if case .list(let list) = self { return list }
        return nil
    }

    /// The number as a `Double`, for ints and doubles.
    public var numberValue: Double? {
        switch self {
        case .int(let int): Double(int)
        case .double(let double): double
        default: nil
        }
    }

    /// The integer, for ints and integral doubles.
    public var intValue: Int? {
        switch self {
        case .int(let int): return int
        case .double(let double) where double.rounded() == double && abs(double) < 9e15: return Int(double)
        default: return nil
        }
    }

    /// Truthiness: `null`, `false`, `0`, `""` and empty lists and records are false.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let bool): bool
        case .int(let int): int != 0
        case .double(let double): double != 0 && !double.isNaN
        case .string(let string): !string.isEmpty
        case .timestamp: true
        case .duration(let duration): duration != .zero
        case .list(let list): !list.isEmpty
        case .record(let record): !record.fields.isEmpty
        }
    }
}
