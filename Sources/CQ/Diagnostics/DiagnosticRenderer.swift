/// Renders diagnostics as text for a terminal or a log, clang style:
///
/// ```
/// query.cq:1:33: error: expected an expression after `where`
///     1 | pipelines("gh/acme/api") | where
///       |                                 ^
///       = help: …
/// ```
///
/// Rendering is a pure function of the diagnostics and the source. The
/// `line:col` of the header counts characters; the caret is placed by
/// terminal columns (``DisplayWidth``: CJK and emoji take two), tabs are shown
/// as spaces up to the next multiple of four, and other control characters of
/// the source line, file name, message and notes are escaped
/// (``TerminalText``) so that echoing a query never drives the terminal.
/// ANSI colour is used only when ``colored`` is set (the CLI decides with
/// ``ColorPolicy``).
public struct DiagnosticRenderer: Sendable, Hashable {
    /// Whether to emit ANSI colour codes.
    public var colored: Bool

    /// Creates a renderer.
    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// The most diagnostics one report shows; the rest are counted.
    public static let maximumShown = 20
    /// The widest stretch of a source line shown; a longer line is shown as
    /// a window around the caret.
    public static let maximumLineColumns = 120
    /// The longest message shown whole (one quoting a huge name is cut).
    public static let maximumMessageCharacters = 1_000

    /// The first ``maximumShown`` of `diagnostics`, in order, each ending with
    /// a newline, then how many more there are.
    public func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
        var output = diagnostics.prefix(Self.maximumShown).map { render($0, in: source) }.joined()
        let hidden = diagnostics.count - Self.maximumShown
        if hidden > 0 {
            output += paint("… and \(hidden) more \(hidden == 1 ? "problem" : "problems") not shown; fix these first", .bold)
                + "\n"
        }
        return output
    }

    /// One diagnostic: its header, the source line with a caret or underline,
    /// then its notes and fix-it. Notes that point elsewhere get their own snippet.
    public func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
        let width = gutterWidth(for: diagnostic, in: source)
        var output = header(diagnostic.severity, diagnostic.message, at: diagnostic.range, in: source)
        output += snippet(diagnostic.range, in: source, width: width)
        var located: [Diagnostic.Note] = []
        for note in diagnostic.notes {
            if note.range == nil {
                let message = TerminalText.escaped(note.message)
                output += padding(width) + paint(" = ", .blue) + paint("note:", .bold) + " \(message)\n"
            } else {
                located.append(note)
            }
        }
        if let fixIt = diagnostic.fixIt {
            output += padding(width) + paint(" = ", .blue) + paint("help:", .bold) + " \(describe(fixIt, in: source))\n"
        }
        for note in located {
            guard let range = note.range else { continue }
            output += header(.note, note.message, at: range, in: source)
            output += snippet(range, in: source, width: width)
        }
        return output
    }

    private func header(_ severity: Diagnostic.Severity, _ message: String, at range: SourceRange, in source: SourceFile) -> String {
        let location = source.location(of: range.start)
        let label: String
        switch severity {
        case .error: label = paint("error:", .red)
        case .warning: label = paint("warning:", .yellow)
        case .note: label = paint("note:", .cyan)
        }
        let name = TerminalText.escaped(source.name)
        var shown = TerminalText.escaped(message)
        // A message quoting a huge name stays readable.
        if shown.count > Self.maximumMessageCharacters { shown = String(shown.prefix(Self.maximumMessageCharacters)) + "…" }
        return paint("\(name):\(location.line):\(location.column):", .bold) + " \(label) "
            + paint(shown, .bold) + "\n"
    }

    private func snippet(_ range: SourceRange, in source: SourceFile, width: Int) -> String {
        let location = source.location(of: range.start)
        let cells = Self.cells(of: source.lineText(location.line))
        let startColumn = min(location.column - 1, cells.count)
        let endLocation = source.location(of: range.end)
        let endColumn = endLocation.line == location.line ? min(endLocation.column - 1, cells.count) : cells.count
        let lineColumns = cells.last.map { $0.column + $0.width } ?? 0
        let displayStart = startColumn < cells.count ? cells[startColumn].column : lineColumns
        let displayEnd = endColumn < cells.count ? cells[endColumn].column : lineColumns
        // A long line: a window around the caret, marked with `…` where it is cut.
        var windowStart = 0
        var windowEnd = lineColumns
        if lineColumns > Self.maximumLineColumns {
            windowStart = max(0, min(displayStart - Self.maximumLineColumns / 3, lineColumns - Self.maximumLineColumns))
            windowEnd = windowStart + Self.maximumLineColumns
        }
        var display = windowStart > 0 ? "…" : ""
        for cell in cells where cell.column >= windowStart && cell.column + cell.width <= windowEnd {
            display += cell.text
        }
        if windowEnd < lineColumns { display += "…" }
        let offset = windowStart > 0 ? 1 - windowStart : 0
        let length = max(1, min(displayEnd, windowEnd) - displayStart)
        let marker = "^" + String(repeating: "~", count: length - 1)
        let number = String(location.line)
        return paint(String(repeating: " ", count: width - number.count) + number + " | ", .blue) + display + "\n"
            + padding(width) + paint(" | ", .blue) + String(repeating: " ", count: max(0, displayStart + offset))
            + paint(marker, .green) + "\n"
    }

    /// Each character of a source line as shown: tabs as spaces up to the next
    /// multiple of four, controls escaped; with the terminal column it starts at.
    private static func cells(of line: String) -> [(text: String, column: Int, width: Int)] {
        var cells: [(text: String, column: Int, width: Int)] = []
        var columns = 0
        for character in line {
            let shown: String
            if character == "\t" {
                shown = String(repeating: " ", count: 4 - columns % 4)
            } else {
                shown = TerminalText.escaped(String(character))
            }
            let width = character == "\t" ? shown.count : DisplayWidth.columns(shown)
            cells.append((shown, columns, width))
            columns += width
        }
        return cells
    }

    private func describe(_ fixIt: Diagnostic.FixIt, in source: SourceFile) -> String {
        let replacement = TerminalText.escaped(fixIt.replacement.trimmingSpaces())
        if fixIt.range.length == 0 { return "insert `\(replacement)`" }
        if replacement.isEmpty { return "remove `\(TerminalText.escaped(source.text(in: fixIt.range)))`" }
        return "replace with `\(replacement)`"
    }

    private func gutterWidth(for diagnostic: Diagnostic, in source: SourceFile) -> Int {
        let lines = [diagnostic.range.start] + diagnostic.notes.compactMap { $0.range?.start }
        let largest = lines.map { source.location(of: $0).line }.max() ?? 1
        return max(5, String(largest).count + 1)
    }

    private func padding(_ width: Int) -> String {
        String(repeating: " ", count: width)
    }

    private enum Style: String {
        case bold = "1", red = "1;31", yellow = "1;33", cyan = "1;36", green = "1;32", blue = "34"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        colored ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var result = Substring(self)
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}
