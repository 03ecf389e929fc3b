import Foundation

/// Validates a JSON instance against the subset of JSON Schema the CircleCI
/// OpenAPI documents use: `$ref`, `type`, `properties`, `required`, `enum`,
/// `items`, `nullable`/`x-nullable`, `anyOf`/`oneOf`/`allOf`,
/// `additionalProperties` maps, `minimum`, and formats `date-time`/`uuid`.
///
/// It is strict where the simulator could drift: a property an object schema
/// doesn't declare is an error (invented field), and so is a missing
/// required one.
struct SchemaValidator {
    let document: OpenAPIDocument
    /// Instance paths (`items[].started_at`) where `null` is accepted although
    /// the schema forbids it: documented deviations of the real API.
    var nullableOverrides: Set<String> = []
    /// Renames applied to schema property names before matching, e.g. kebab
    /// to snake case for the flaky-tests response.
    var propertyName: @Sendable (String) -> String = { $0 }

    func validate(_ value: JSONValue, against schema: JSONValue) -> [String] {
        var errors: [String] = []
        check(value, schema, path: "", errors: &errors)
        return errors
    }

    private func check(_ value: JSONValue, _ raw: JSONValue, path: String, errors: inout [String]) {
        let schema = document.resolve(raw)
        if value == .null {
            if schema["nullable"] == .bool(true) || schema["x-nullable"] == .bool(true)
                || nullableOverrides.contains(path) || isEmpty(schema) { return }
            if let alternatives = (schema["anyOf"] ?? schema["oneOf"])?.array,
               alternatives.contains(where: { document.resolve($0)["nullable"] == .bool(true) }) { return }
            errors.append("\(display(path)): null where the schema allows none")
            return
        }
        for part in schema["allOf"]?.array ?? [] { check(value, part, path: path, errors: &errors) }
        if let alternatives = schema["anyOf"]?.array ?? schema["oneOf"]?.array {
            let matching = alternatives.filter { alternative in
                var scratch: [String] = []
                check(value, alternative, path: path, errors: &scratch)
                return scratch.isEmpty
            }
            if matching.isEmpty { errors.append("\(display(path)): matches none of anyOf/oneOf") }
        }
        if let type = schema["type"]?.string, !matches(value, type: type) {
            errors.append("\(display(path)): expected \(type), got \(describe(value))")
            return
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) {
            errors.append("\(display(path)): \(describe(value)) is not one of \(allowed.compactMap(\.string))")
        }
        if let minimum = schema["minimum"], let number = value.number, let bound = minimum.number, number < bound {
            errors.append("\(display(path)): \(number) is below the minimum \(bound)")
        }
        if case let .string(text) = value, let format = schema["format"]?.string {
            checkFormat(text, format, path: path, errors: &errors)
        }
        if case let .array(items) = value, let itemSchema = schema["items"] {
            for item in items { check(item, itemSchema, path: path + "[]", errors: &errors) }
        }
        if case let .object(members, keys) = value {
            checkObject(members, keys: keys, schema: schema, path: path, errors: &errors)
        }
    }

    private func checkObject(_ members: [String: JSONValue], keys: [String], schema: JSONValue, path: String,
                             errors: inout [String]) {
        var declared: [String: JSONValue] = [:]
        if case let .object(properties, _) = schema["properties"] ?? .null {
            for (name, property) in properties { declared[propertyName(name)] = property }
        }
        for required in schema["required"]?.array?.compactMap(\.string) ?? [] where members[propertyName(required)] == nil {
            errors.append("\(display(path)): missing required \(propertyName(required))")
        }
        let additional = schema["additionalProperties"]
        for key in keys {
            guard let member = members[key] else { continue }
            let childPath = path.isEmpty ? key : path + "." + key
            if let property = declared[key] {
                check(member, property, path: childPath, errors: &errors)
            } else if let additional, case .object = additional {
                check(member, additional, path: childPath, errors: &errors)
            } else if additional == .bool(false) || (!declared.isEmpty && additional == nil) {
                errors.append("\(display(childPath)): not in the schema (invented field)")
            }
        }
    }

    private func checkFormat(_ text: String, _ format: String, path: String, errors: inout [String]) {
        switch format {
        case "date-time":
            let pattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#
            if text.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(display(path)): \(text) is not an RFC 3339 date-time")
            }
        case "uuid":
            if UUID(uuidString: text) == nil { errors.append("\(display(path)): \(text) is not a UUID") }
        default:
            break
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("integer", .int),
             ("number", .int), ("number", .double): true
        default: false
        }
    }

    private func isEmpty(_ schema: JSONValue) -> Bool {
        if case let .object(members, _) = schema {
            return members.keys.allSatisfy { ["description", "example", "title", "x-go-name"].contains($0) }
        }
        return false
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case let .bool(flag): "\(flag)"
        case let .int(number): "\(number)"
        case let .double(number): "\(number)"
        case let .string(text): "\"\(text)\""
        case .array: "an array"
        case .object: "an object"
        }
    }

    private func display(_ path: String) -> String { path.isEmpty ? "(root)" : path }
}

extension JSONValue {
    var number: Double? {
        switch self {
        case let .int(value): Double(value)
        case let .double(value): value
        default: nil
        }
    }
}
