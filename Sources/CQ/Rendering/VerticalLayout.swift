/// One `field  value` block per row, nested records flattened to dotted
/// names: for records too wide for a table.
struct VerticalLayout {
    var colored: Bool

    func text(for rows: [Value]) -> String {
        guard !rows.isEmpty else { return "(no rows)\n" }
        var output = ""
        for (index, row) in rows.enumerated() {
            let title = "── \(index + 1) "
            output += style(title + String(repeating: "─", count: Swift.max(4, 40 - title.count))) + "\n"
            let pairs = Self.flatten(row)
            let keyWidth = pairs.map(\.key.count).max() ?? 0
            for (key, value) in pairs {
                let text = value.cellText
                // No trailing spaces after the name of an empty (null) value.
                let padding = text.isEmpty ? "" : String(repeating: " ", count: keyWidth - key.count) + "  "
                output += key + padding + text + "\n"
            }
        }
        return output
    }

    /// The leaves of a value as `(dotted.name, value)` pairs; lists stay whole.
    static func flatten(_ value: Value, prefix: String = "") -> [(key: String, value: Value)] {
        guard case .record(let record) = value else { return [(prefix.isEmpty ? "value" : prefix, value)] }
        if record.fields.isEmpty, !prefix.isEmpty { return [(prefix, value)] }
        return record.fields.flatMap { key, inner in
            flatten(inner, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
        }
    }

    private func style(_ text: String) -> String {
        colored ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }
}
