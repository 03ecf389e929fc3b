/// The static type of a value, as the checker, `cq help`, `:schema` and
/// completion see it.
public indirect enum ValueType: Sendable, Hashable {
    /// Unknown or mixed: anything goes, nothing is checked.
    case any
    case null
    case bool
    case int
    /// An int or a float.
    case number
    case string
    /// A string with a known, open set of values (CircleCI enums). Comparing a
    /// field of this type with a literal outside the set is reported.
    case enumeration([String])
    case timestamp
    case duration
    case list(ValueType)
    case record(RecordSchema)
    /// The value may also be `null`.
    case optional(ValueType)
    /// A lambda taking `arity` arguments (parameters of builtins such as `any`).
    case function(arity: Int)

    /// The type without an ``optional(_:)`` wrapper.
    public var unwrapped: ValueType {
        if case .optional(let wrapped) = self { return wrapped.unwrapped }
        return self
    }

    /// The record schema, looking through optionals.
    public var recordSchema: RecordSchema? {
        if case .record(let schema) = unwrapped { return schema }
        return nil
    }

    /// The element type of a list, looking through optionals.
    public var elementType: ValueType? {
        if case .list(let element) = unwrapped { return element }
        return nil
    }

    /// The enum values, looking through optionals.
    public var enumValues: [String]? {
        if case .enumeration(let values) = unwrapped { return values }
        return nil
    }

    /// A short name for messages and `:schema`: `string`, `list of Job`, `"a" | "b"`.
    public var displayName: String {
        switch self {
        case .any: "any"
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .string: "string"
        case .enumeration(let values): values.map { "\"\($0)\"" }.joined(separator: " | ")
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .list(let element): "list of \(element.displayName)"
        case .record(let schema): schema.name.isEmpty ? "record" : schema.name
        case .optional(let wrapped): "\(wrapped.displayName)?"
        case .function(let arity): arity == 1 ? "x => …" : "(…) => …"
        }
    }

    /// Whether a runtime value could have this type (used to check literal arguments).
    public func admits(_ value: Value) -> Bool {
        switch (self, value) {
        case (.any, _), (.optional, .null): true
        case (.optional(let wrapped), _): wrapped.admits(value)
        case (.null, .null), (.bool, .bool), (.int, .int), (.string, .string),
            (.timestamp, .timestamp), (.duration, .duration), (.list, .list), (.record, .record):
            true
        case (.number, .int), (.number, .double): true
        case (.enumeration, .string): true
        case (.timestamp, .string(let text)): Timestamp.parse(text) != nil
        default: false
        }
    }
}
