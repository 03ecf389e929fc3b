/// A JSON value as a tree whose objects keep their members in order: for
/// small documents built or inspected whole (request and response bodies).
/// Large inputs are better parsed straight into the caller's own values
/// with a ``JSONBuilder``.
public enum JSON: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer that fits in 64 bits.
    case int(Int)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSON])
    /// An object, members in order.
    case object([(String, JSON)])

    /// Equal kinds with equal contents; objects compare members in order.
    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The value of `key`, when this is an object that has it.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }
}

extension JSON {
    /// Parses one JSON document.
    public static func parse(_ bytes: some Sequence<UInt8>) throws(JSONSyntaxError) -> JSON {
        var builder = Builder()
        let result: Result<JSON, JSONSyntaxError> = Array(bytes).withUnsafeBytes { buffer in
            do throws(JSONSyntaxError) {
                return .success(try JSONReader.parse(buffer, with: &builder))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSON {
        try parse(text.utf8)
    }

    /// Compact JSON text as UTF-8, members in order.
    public func serialized(options: JSONWriter.Options = .init()) -> [UInt8] {
        var writer = JSONWriter(options: options)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes this value to `writer`, compactly.
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.integer(value)
        case .double(let value): writer.double(value)
        case .string(let value): writer.string(value)
        case .array(let values):
            writer.write("[")
            for (index, value) in values.enumerated() {
                if index > 0 { writer.write(",") }
                value.write(to: &writer)
            }
            writer.write("]")
        case .object(let members):
            writer.write("{")
            for (index, member) in members.enumerated() {
                if index > 0 { writer.write(",") }
                writer.string(member.0)
                writer.write(":")
                member.1.write(to: &writer)
            }
            writer.write("}")
        }
    }

    /// Builds ``JSON`` trees; a duplicate key replaces the earlier value in its place.
    public struct Builder: JSONBuilder {
        /// Creates a builder.
        public init() {}

        public func null() -> JSON { .null }
        public func bool(_ value: Bool) -> JSON { .bool(value) }
        public func integer(_ value: Int) -> JSON { .int(value) }
        public func double(_ value: Double) -> JSON { .double(value) }
        public func string(_ value: String) -> JSON { .string(value) }
        public func beginObject() -> [(String, JSON)] { [] }

        public func member(_ key: consuming String, _ value: consuming JSON, to object: inout [(String, JSON)]) {
            if let index = object.firstIndex(where: { $0.0 == key }) {
                object[index].1 = value
            } else {
                object.append((key, value))
            }
        }

        public func endObject(_ object: [(String, JSON)]) -> JSON { .object(object) }
        public func beginArray() -> [JSON] { [] }
        public func element(_ value: consuming JSON, to array: inout [JSON]) { array.append(value) }
        public func endArray(_ array: [JSON]) -> JSON { .array(array) }
    }
}
