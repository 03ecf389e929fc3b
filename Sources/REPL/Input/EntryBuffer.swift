/// Accumulates the lines of one entry until it is complete.
///
/// A line starting with `:` on an empty buffer is a meta command and is always
/// complete on its own; everything else is asked of the completeness checker.
struct EntryBuffer: Sendable {
    /// What one more line did to the entry.
    enum Step: Sendable, Hashable {
        /// A blank line on an empty buffer: nothing to do.
        case blank
        /// The entry needs more lines; the prompt should show `open`.
        case needsMore(open: String)
        /// The entry is complete: its text, with trailing whitespace removed.
        case complete(String)
    }

    private(set) var lines: [String] = []
    /// The symbol for what is open while the entry is incomplete.
    private(set) var open: String?

    var isEmpty: Bool { lines.isEmpty }

    /// The earlier lines of the entry, each followed by `"\n"` (empty when none).
    var pendingText: String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// Adds a line (without its newline) and says whether the entry is complete.
    mutating func append(_ line: String, checker: any InputCompletenessChecking) -> Step {
        if lines.isEmpty {
            if line.allSatisfy(\.isWhitespace) { return .blank }
            if line.drop(while: \.isWhitespace).first == ":" { return .complete(Self.trimmingTrailingWhitespace(line)) }
        }
        lines.append(line)
        let text = lines.joined(separator: "\n")
        switch checker.completeness(of: text) {
        case .complete:
            reset()
            return .complete(Self.trimmingTrailingWhitespace(text))
        case .incomplete(let symbol):
            open = symbol
            return .needsMore(open: symbol)
        }
    }

    /// Drops the lines typed so far (Ctrl-C).
    mutating func reset() {
        lines.removeAll()
        open = nil
    }

    /// Returns the unfinished entry, if any, and empties the buffer (end of input).
    mutating func takeUnfinished() -> String? {
        defer { reset() }
        let text = Self.trimmingTrailingWhitespace(lines.joined(separator: "\n"))
        return text.isEmpty ? nil : text
    }

    private static func trimmingTrailingWhitespace(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
