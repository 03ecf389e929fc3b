/// One `field  value` block per row, nested records flattened to dotted
/// names: for records too wide for a table. Multi-line text keeps its lines,
/// each escaped and indented under the first.
struct VerticalLayout {
    var colored: Bool

    func text(for rows: [Value]) -> String {
        guard !rows.isEmpty else { return "(no rows)\n" }
        var output = ""
        for (index, row) in rows.enumerated() {
            let title = "── \(index + 1) "
            output += style(title + String(repeating: "─", count: Swift.max(4, 40 - title.count))) + "\n"
            let pairs = Self.flatten(row).map { (key: TerminalText.escaped($0.key), value: $0.value) }
            let keyWidth = pairs.map { DisplayWidth.columns($0.key) }.max() ?? 0
            let indent = String(repeating: " ", count: keyWidth + 2)
            for (key, value) in pairs {
                let lines = Self.lines(of: value)
                let first = lines.first ?? ""
                // No trailing spaces after the name of an empty (null) value.
                output += (first.isEmpty ? key : DisplayWidth.pad(key, to: keyWidth) + "  " + first) + "\n"
                for line in lines.dropFirst() {
                    output += (line.isEmpty ? "" : indent + line) + "\n"
                }
            }
        }
        return output
    }

    /// A value's lines: a string's own lines, escaped; any other value's cell text.
    static func lines(of value: Value) -> [String] {
        guard case .string(let string) = value else { return [value.cellText] }
        return TerminalText.escapedLines(string)
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
