import JSONCore

extension JSONValue {
    /// Parses JSON text with JSONCore's parser: exact 64-bit integers, and
    /// errors that give the line and column.
    public init(parsing bytes: some Sequence<UInt8>) throws(JSONSyntaxError) {
        var builder = Builder()
        let result: Result<JSONValue, JSONSyntaxError> = Array(bytes).withUnsafeBytes { buffer in
            do throws(JSONSyntaxError) {
                return .success(try JSONReader.parse(buffer, with: &builder))
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }

    /// The value as compact JSON text, objects' keys sorted (a dictionary
    /// has no order of its own), written by JSONCore's writer.
    public var jsonText: String {
        String(decoding: json.serialized(options: .init(escaping: .minimal)), as: UTF8.self)
    }

    /// The same value as JSONCore's ordered tree, objects' keys sorted.
    private var json: JSON {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .int(Int(value))
        case .double(let value): .double(value)
        case .string(let value): .string(value)
        case .array(let values): .array(values.map(\.json))
        case .object(let members): .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) })
        }
    }

    /// Builds ``JSONValue``s; a later duplicate key wins.
    private struct Builder: JSONBuilder {
        func null() -> JSONValue { .null }
        func bool(_ value: Bool) -> JSONValue { .bool(value) }
        func integer(_ value: Int) -> JSONValue { .integer(Int64(value)) }
        func double(_ value: Double) -> JSONValue { .double(value) }
        func string(_ value: String) -> JSONValue { .string(value) }
        func beginObject() -> [String: JSONValue] { [:] }
        func member(_ key: consuming String, _ value: consuming JSONValue, to object: inout [String: JSONValue]) {
            object[key] = value
        }
        func endObject(_ object: [String: JSONValue]) -> JSONValue { .object(object) }
        func beginArray() -> [JSONValue] { [] }
        func element(_ value: consuming JSONValue, to array: inout [JSONValue]) { array.append(value) }
        func endArray(_ array: [JSONValue]) -> JSONValue { .array(array) }
    }
}
