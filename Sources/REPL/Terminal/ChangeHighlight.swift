/// What changed between two refreshes of `:watch`, marked in reverse video
/// as `watch -d` does: a new line whole, a changed line cell by cell.
///
/// It works on the rendered text, whatever the format: a line is compared
/// with the line at the same place before, and a cell is a run of text
/// between gaps of two or more spaces (a table's columns, a vertical
/// record's name and value).
enum ChangeHighlight {
    static let on = "\u{1B}[7m"
    static let off = "\u{1B}[27m"

    /// `text` with what differs from `previous` marked.
    static func mark(_ text: String, since previous: String) -> String {
        let old = previous.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var lines: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            if index < old.count, old[index] == characters || characters.isEmpty {
                lines.append(String(line))
            } else if index >= old.count || old[index].isEmpty {
                lines.append(on + line + off)
            } else {
                lines.append(markCells(characters, against: old[index]))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The line with each cell that differs from the same columns of `old` marked.
    private static func markCells(_ line: [Character], against old: [Character]) -> String {
        var result = ""
        for (range, isCell) in segments(line) {
            let cell = String(line[range])
            let before = range.lowerBound < old.count ? String(old[range.clamped(to: 0..<old.count)]) : ""
            // A cell also changed when its text ran on past where it ends now.
            let ranOn = range.upperBound < old.count && old[range.upperBound] != " "
            result += isCell && (cell != before || ranOn) ? on + cell + off : cell
        }
        return result
    }

    /// The line cut into cells and the gaps (two spaces or more) between them.
    private static func segments(_ line: [Character]) -> [(Range<Int>, isCell: Bool)] {
        var segments: [(Range<Int>, isCell: Bool)] = []
        var start = 0
        var index = 0
        while index < line.count {
            guard line[index] == " " else {
                index += 1
                continue
            }
            var end = index
            while end < line.count, line[end] == " " { end += 1 }
            if end - index >= 2 || index == 0 {
                if start < index { segments.append((start..<index, true)) }
                segments.append((index..<end, false))
                start = end
            }
            index = end
        }
        if start < line.count { segments.append((start..<line.count, true)) }
        return segments
    }
}
