extension HelpText {
    /// A static type as the REPL's `:schema` shows it: a record type's fields,
    /// nested records expanded under their parent with the dotted path a query
    /// writes (`trigger.actor.login`), or the type's name.
    public func describe(_ type: ValueType) -> String {
        let isList = type.elementType != nil
        guard let schema = (type.elementType ?? type.unwrapped).recordSchema else {
            return "\(type.displayName)\n"
        }
        let title = schema.name.isEmpty ? "records" : "\(schema.name) records"
        var text = isList ? "list of \(title):\n" : "\(title):\n"
        let rows = Self.fieldRows(of: schema)
        let width = Self.pathWidth(rows)
        for row in rows {
            text += row.line(width: width) + (row.field.isDerived ? "  [derived]" : "") + "\n"
        }
        return text
    }

    /// `cq help TYPE`: every field with its type and summary, nested records
    /// expanded as `:schema` does.
    func describe(_ schema: RecordSchema) -> String {
        var text = "\(schema.name) records\n\n"
        let rows = Self.fieldRows(of: schema)
        let width = Self.pathWidth(rows)
        for row in rows {
            text += row.line(width: width) + (row.field.isDerived ? "  [derived by cq]" : "") + "\n"
            if !row.field.summary.isEmpty {
                text += String(repeating: " ", count: 6 + 2 * row.depth) + row.field.summary + "\n"
            }
        }
        return text
    }

    /// One field of a schema or of a record nested in it.
    struct FieldRow {
        /// The dotted path a query writes, e.g. `trigger.actor.login`.
        var path: String
        /// 0 for the schema's own fields, 1 for their fields, …
        var depth: Int
        var field: RecordSchema.Field

        func line(width: Int) -> String {
            let indent = String(repeating: " ", count: 2 + 2 * depth)
            let padding = String(repeating: " ", count: max(1, width - 2 * depth - path.count + 2))
            return indent + path + padding + field.type.displayName
        }
    }

    /// The fields of `schema` in order, each followed by the fields of the
    /// record it holds (directly, optionally or as list elements), to `maxDepth` levels.
    static func fieldRows(of schema: RecordSchema, prefix: String = "", depth: Int = 0, maxDepth: Int = 4) -> [FieldRow]
    {
        var rows: [FieldRow] = []
        for field in schema.fields {
            let path = prefix + field.name
            rows.append(FieldRow(path: path, depth: depth, field: field))
            let held = field.type.elementType ?? field.type.unwrapped
            if depth + 1 < maxDepth, let nested = held.unwrapped.recordSchema, !nested.fields.isEmpty {
                rows += fieldRows(of: nested, prefix: path + ".", depth: depth + 1, maxDepth: maxDepth)
            }
        }
        return rows
    }

    /// The width of the path column, indentation included, at most 36.
    static func pathWidth(_ rows: [FieldRow]) -> Int {
        min(36, rows.map { $0.path.count + 2 * $0.depth }.max() ?? 0)
    }
}
