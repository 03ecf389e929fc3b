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

    /// Terminal columns taken by `text`: East Asian wide and emoji characters
    /// count two, combining marks none. Independent of the process locale.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    private static func columns(of scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    /// Unicode East Asian Wide and Fullwidth blocks (approximate).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]
}
