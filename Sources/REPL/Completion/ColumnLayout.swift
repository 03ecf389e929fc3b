import CQ

/// Lays out a list of completion candidates in columns, like `ls`.
enum ColumnLayout {
    /// Lists longer than this are cut, with a note saying how many were left out.
    static let maximumItems = 120

    /// The lines to print for `items` on a terminal `width` columns wide. Items
    /// run down the columns first; no line has trailing spaces.
    static func lines(for items: [String], width: Int, spacing: Int = 2) -> [String] {
        guard !items.isEmpty else { return [] }
        // Candidates can come from CircleCI data (branch names): shown escaped.
        let shown = items.prefix(maximumItems).map(TerminalText.escaped)
        let widths = shown.map { DisplayWidth.columns($0) }
        let cell = (widths.max() ?? 0) + spacing
        let columnsThatFit = max(1, (max(width, 1) + spacing) / max(cell, 1))
        let rows = (shown.count + columnsThatFit - 1) / columnsThatFit
        let columns = (shown.count + rows - 1) / rows
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let isLast = column == columns - 1 || index + rows >= shown.count
                line += shown[index]
                if !isLast { line += String(repeating: " ", count: cell - widths[index]) }
            }
            lines.append(line)
        }
        if items.count > shown.count {
            lines.append("… and \(items.count - shown.count) more")
        }
        return lines
    }
}
