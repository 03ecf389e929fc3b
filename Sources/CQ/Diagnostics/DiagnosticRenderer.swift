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

    /// All `diagnostics`, in order, each ending with a newline.
    public func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
        diagnostics.map { render($0, in: source) }.joined()
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
        return paint("\(name):\(location.line):\(location.column):", .bold) + " \(label) "
            + paint(TerminalText.escaped(message), .bold) + "\n"
    }

    private func snippet(_ range: SourceRange, in source: SourceFile, width: Int) -> String {
        let location = source.location(of: range.start)
        let characters = Array(source.lineText(location.line))
        let startColumn = min(location.column - 1, characters.count)
        let endLocation = source.location(of: range.end)
        let endColumn = endLocation.line == location.line ? min(endLocation.column - 1, characters.count) : characters.count
        var display = ""
        var columns = 0
        var displayStart = 0
        var displayEnd = 0
        for (index, character) in characters.enumerated() {
            if index == startColumn { displayStart = columns }
            if index == endColumn { displayEnd = columns }
            if character == "\t" {
                let spaces = 4 - columns % 4
                display += String(repeating: " ", count: spaces)
                columns += spaces
            } else {
                let shown = TerminalText.escaped(String(character))
                display += shown
                columns += DisplayWidth.columns(shown)
            }
        }
        if startColumn >= characters.count { displayStart = columns }
        if endColumn >= characters.count { displayEnd = columns }
        let length = max(1, displayEnd - displayStart)
        let marker = "^" + String(repeating: "~", count: length - 1)
        let number = String(location.line)
        return paint(String(repeating: " ", count: width - number.count) + number + " | ", .blue) + display + "\n"
            + padding(width) + paint(" | ", .blue) + String(repeating: " ", count: displayStart)
            + paint(marker, .green) + "\n"
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
