import Foundation

/// A JSON value whose objects keep their keys in insertion order.
///
/// The simulator renders every response through this type so that the same
/// world always produces byte-identical bodies: no dictionary ordering, no
/// locale, no `\/` escaping.
enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The value for `key` when this is an object.
    subscript(key: String) -> JSON? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    var boolValue: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    var arrayValue: [JSON]? {
        if case let .array(value) = self { return value }
        return nil
    }
}

// MARK: - Convenience constructors

extension JSON {
    /// A string, or `null` when `value` is nil.
    static func string(_ value: String?) -> JSON {
        value.map(JSON.string) ?? .null
    }

    /// An integer, or `null` when `value` is nil.
    static func int(_ value: Int?) -> JSON {
        value.map(JSON.int) ?? .null
    }

    /// A double, or `null` when `value` is nil.
    static func double(_ value: Double?) -> JSON {
        value.map(JSON.double) ?? .null
    }

    /// A lowercase UUID string, or `null`.
    static func uuid(_ value: UUID?) -> JSON {
        value.map { .string($0.lowercasedString) } ?? .null
    }

    /// An RFC 3339 timestamp in UTC with milliseconds, or `null`.
    static func date(_ value: Date?) -> JSON {
        value.map { .string(Timestamp.format($0)) } ?? .null
    }
}

extension UUID {
    /// The form CircleCI prints: lowercase with hyphens.
    var lowercasedString: String { uuidString.lowercased() }
}
