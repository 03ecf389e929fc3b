import CLibEdit

/// Lays out a list of completion candidates in columns, like `ls`.
enum ColumnLayout {
    /// Lists longer than this are cut, with a note saying how many were left out.
    static let maximumItems = 120

    /// The lines to print for `items` on a terminal `width` columns wide. Items
    /// run down the columns first; no line has trailing spaces.
    static func lines(for items: [String], width: Int, spacing: Int = 2) -> [String] {
        guard !items.isEmpty else { return [] }
        let shown = Array(items.prefix(maximumItems))
        let widths = shown.map(displayWidth)
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

    /// Terminal columns taken by `text`: wide (CJK, emoji) characters count two,
    /// combining marks none. Needs `setlocale(LC_CTYPE, "")` for non-ASCII.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            if scalar.isASCII { return total + 1 }
            let width = cq_wcwidth(scalar.value)
            return total + (width < 0 ? 1 : Int(width))
        }
    }
}
