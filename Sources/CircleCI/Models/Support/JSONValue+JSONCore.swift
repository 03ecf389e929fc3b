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
        var writer = JSONWriter(options: .init(escaping: .minimal))
        write(to: &writer)
        return writer.text
    }

    private func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .integer(let value): writer.integer(Int(value))
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
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { writer.write(",") }
                writer.string(key)
                writer.write(":")
                members[key]?.write(to: &writer)
            }
            writer.write("}")
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
