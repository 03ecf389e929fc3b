/// The runtime kind of a value, as named in messages and by `type(x)`.
public enum ValueKind: String, Sendable, Hashable, CaseIterable {
    case null, bool, int, float, string, timestamp, duration, list, record
}

extension Value {
    /// The runtime kind of this value.
    public var kind: ValueKind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .double: .float
        case .string: .string
        case .timestamp: .timestamp
        case .duration: .duration
        case .list: .list
        case .record: .record
        }
    }

    /// The kind for messages, with the record's schema name: `record (Job)`.
    public var kindDescription: String {
        if case .record(let record) = self, let name = record.typeName {
            return "record (\(name))"
        }
        return kind.rawValue
    }
}
