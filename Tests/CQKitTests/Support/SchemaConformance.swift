import CQ

/// Checks values against the types the registry declares for them.
///
/// Stricter than `ValueType.admits`: it descends into lists and records,
/// requires every key of a record to be a field of its schema, enum values
/// to be listed, and dates to be timestamps rather than strings.
struct SchemaConformance {
    let registry: BuiltinRegistry

    /// The problems of `value` as a `type`, each prefixed with its path.
    func problems(_ value: Value, as type: ValueType, at path: String = "") -> [String] {
        switch (type, value) {
        case (.any, _), (.optional, .null): return []
        case (.optional(let wrapped), _): return problems(value, as: wrapped, at: path)
        case (.null, .null), (.bool, .bool), (.int, .int), (.string, .string), (.timestamp, .timestamp),
            (.duration, .duration), (.number, .int), (.number, .double):
            return []
        case (.enumeration(let values), .string(let text)):
            return values.contains(text) ? [] : ["\(path): \"\(text)\" is not one of \(values)"]
        case (.list(let element), .list(let elements)):
            return elements.enumerated().flatMap { problems($1, as: element, at: "\(path)[\($0)]") }
        case (.record(let schema), .record(let record)):
            return problems(record, as: schema, at: path)
        default:
            return ["\(path): \(value.kindDescription) is not \(type.displayName)"]
        }
    }

    /// The problems of a record: keys outside the schema (the registered one
    /// for its type name when the schema is the empty placeholder), values of
    /// the wrong type.
    func problems(_ record: Record, as declared: RecordSchema, at path: String) -> [String] {
        var schema = declared
        if schema.fields.isEmpty, let name = record.typeName, let registered = registry.schema(named: name) {
            schema = registered
        }
        if schema.fields.isEmpty { return [] }
        var found: [String] = []
        if let name = record.typeName, !declared.name.isEmpty, name != declared.name {
            found.append("\(path): a \(name) record where \(declared.name) was declared")
        }
        for (key, value) in record.fields {
            guard let field = schema.field(key) else {
                found.append("\(path).\(key): not a field of \(schema.name.isEmpty ? "the record" : schema.name)")
                continue
            }
            found += problems(value, as: field.type, at: "\(path).\(key)")
        }
        return found
    }
}
