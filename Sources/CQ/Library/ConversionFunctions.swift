/// Conversions between kinds, and `type`.
enum ConversionFunctions {
    private static let value = Parameter("value", .any)

    static let all: [Builtin] = [
        .pure(
            "type", [value], returns: .string, summary: "The kind of a value: \"string\", \"int\", \"record\", …",
            examples: ["type([1, 2])"]
        ) {
            .string(($0.arguments["value"] ?? .null).kind.rawValue)
        },
        .pure("string", [value], returns: .string, summary: "The value as text.", examples: ["string(42) + \"%\""]) {
            .string(($0.arguments["value"] ?? .null).plainText)
        },
        .pure(
            "int", [value], returns: .optional(.int), summary: "The value as an integer, or null when it is not one.",
            examples: ["int(\"42\")"]
        ) {
            invocation in
            switch invocation["value"] {
            case .string(let text)?: return Int(text.trimmingCharacters(in: .whitespaces)).map(Value.int) ?? .null
            case .bool(let bool)?: return .int(bool ? 1 : 0)
            case .double(let double)? where double.isFinite && abs(double) < 9e18: return .int(Int(double))
            case .int(let int)?: return .int(int)
            default: return .null
            }
        },
        .pure(
            "float", [value], returns: .optional(.number),
            summary: "The value as a number, or null when it is not one.", examples: ["float(\"1.5\")"]
        ) {
            invocation in
            switch invocation["value"] {
            case .string(let text)?: return Double(text.trimmingCharacters(in: .whitespaces)).map(Value.double) ?? .null
            case .duration(let duration)?: return .double(duration.seconds)
            case let other?: return other.numberValue.map(Value.double) ?? .null
            case nil: return .null
            }
        },
        .pure(
            "to_json", [value], returns: .string, summary: "The value as JSON text.", examples: ["to_json({a: [1, 2]})"]
        ) {
            .string(($0.arguments["value"] ?? .null).jsonText())
        },
        .pure(
            "from_json", [Parameter("text", .string)], returns: .any, summary: "Parses JSON text.",
            examples: ["from_json(\"{\\\"a\\\": 1}\").a"]
        ) { invocation in
            do {
                return try JSONParser.parse(try invocation.requiredString("text"))
            } catch {
                throw BuiltinError("from_json: \(error)")
            }
        },
    ]
}
