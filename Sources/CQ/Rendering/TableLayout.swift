/// Lays out rows as aligned columns that fit a terminal width.
struct TableLayout {
    /// One column: a field name or a dotted path into the record.
    struct Column {
        /// The field name or path, e.g. `vcs.branch`.
        var path: String
        /// Whether `path` is dotted (otherwise a plain key, dots included).
        var isPath = true
        /// The column shows non-record rows themselves.
        var isWholeRow = false
        /// The header, when it is not the path's last component.
        var label: String?

        /// A column for a schema's table-column spec: `path` or `header=path`
        /// (`actor=trigger.actor.login`).
        init(spec: String) {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            self.path = parts.last ?? spec
            self.label = parts.count == 2 ? parts[0] : nil
        }

        init(path: String, isPath: Bool = true, isWholeRow: Bool = false) {
            self.path = path
            self.isPath = isPath
            self.isWholeRow = isWholeRow
        }

        /// The header: the label, or a path's last component.
        var header: String { label ?? (isPath ? String(path.split(separator: ".").last ?? Substring(path)) : path) }

        func cell(of row: Value) -> Value {
            guard case .record(let record) = row else { return isWholeRow ? row : .null }
            if isWholeRow { return .null }
            guard isPath else { return record[path] ?? .null }
            var current: Value = row
            for component in path.split(separator: ".") {
                guard case .record(let inner) = current else { return .null }
                current = inner[String(component)] ?? .null
            }
            return current
        }
    }

    var width: Int?
    var colored: Bool

    private static let gap = "  "
    private static let minimumWidth = 4

    func text(for rows: [Value], columns: [Column]) -> String {
        guard !rows.isEmpty else { return "(no rows)\n" }
        guard !columns.isEmpty else { return rows.map { $0.cellText + "\n" }.joined() }
        let cells = rows.map { row in columns.map { $0.cell(of: row) } }
        let texts = cells.map { $0.map(\.cellText) }
        let headers = columns.map { TerminalText.escaped($0.header) }
        var widths = columns.indices.map { index in
            texts.reduce(DisplayWidth.columns(headers[index])) { Swift.max($0, DisplayWidth.columns($1[index])) }
        }
        let floors = columns.indices.map { index in
            Self.floor(natural: widths[index], header: headers[index], cells: cells.map { $0[index] })
        }
        let shown = fit(&widths, floors: floors)
        let rightAligned = columns.indices.map { index in cells.contains { $0[index].alignsRight } }
        var output = ""
        let header = (0..<shown).map { DisplayWidth.pad(headers[$0], to: widths[$0], right: rightAligned[$0]) }
        output += style(trimmed(header.joined(separator: Self.gap)), bold: true) + "\n"
        output += (0..<shown).map { String(repeating: "─", count: widths[$0]) }.joined(separator: Self.gap) + "\n"
        for row in texts {
            let line = (0..<shown).map { index in
                let text = DisplayWidth.truncate(row[index], to: widths[index])
                return DisplayWidth.pad(text, to: widths[index], right: rightAligned[index])
            }
            output += trimmed(line.joined(separator: Self.gap)) + "\n"
        }
        var footer = "(\(rows.count) row\(rows.count == 1 ? "" : "s")"
        if shown < columns.count { footer += "; \(columns.count - shown) more column(s) hidden: use --format vertical" }
        return output + style(footer + ")", bold: false, dim: true) + "\n"
    }

    /// A single record as a two-column `field  value` table.
    func keyValueText(for record: Record) -> String {
        guard !record.fields.isEmpty else { return "{}\n" }
        let keys = record.keys.map(TerminalText.escaped)
        let keyWidth = keys.map(DisplayWidth.columns).max() ?? 0
        let valueWidth = width.map { Swift.max(Self.minimumWidth, $0 - keyWidth - Self.gap.count) }
        return zip(keys, record.fields).map { key, field in
            let text = valueWidth.map { DisplayWidth.truncate(field.value.cellText, to: $0) } ?? field.value.cellText
            return trimmed(style(DisplayWidth.pad(key, to: keyWidth), bold: true) + Self.gap + text) + "\n"
        }.joined()
    }

    /// The narrowest a column may become: its full width when every cell is a
    /// number, timestamp, duration or boolean (a cut one is misleading), else
    /// its header or 12 characters, whichever is wider.
    private static func floor(natural: Int, header: String, cells: [Value]) -> Int {
        let atomic = cells.allSatisfy { cell in
            switch cell {
            case .null, .bool, .int, .double, .timestamp, .duration: true
            default: false
            }
        }
        return atomic ? natural : Swift.min(natural, Swift.max(DisplayWidth.columns(header), minimumWidth + 8))
    }

    /// Hides trailing columns until the others fit at their floors, then
    /// shrinks the widest columns until the table fits. Returns how many
    /// columns are shown.
    private func fit(_ widths: inout [Int], floors: [Int]) -> Int {
        guard let width else { return widths.count }
        func total(_ sizes: [Int], _ count: Int) -> Int {
            sizes.prefix(count).reduce(0, +) + Self.gap.count * Swift.max(0, count - 1)
        }
        var shown = widths.count
        while shown > 1, total(floors, shown) > width { shown -= 1 }
        while total(widths, shown) > width {
            guard let widest = widths.prefix(shown).indices.filter({ widths[$0] > floors[$0] })
                .max(by: { widths[$0] < widths[$1] })
            else {
                // One column wider than the terminal: cut it to the width.
                widths[0] = Swift.max(Self.minimumWidth, width)
                break
            }
            widths[widest] -= 1
        }
        return shown
    }

    private func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    private func style(_ text: String, bold: Bool, dim: Bool = false) -> String {
        guard colored else { return text }
        if bold { return "\u{1B}[1m\(text)\u{1B}[0m" }
        if dim { return "\u{1B}[2m\(text)\u{1B}[0m" }
        return text
    }
}
