/// Reads the lines of REPL entries, with or without a line editor.
///
/// ``LibEditLineReader`` edits on a terminal; ``PlainLineReader`` reads a pipe or
/// file. Tests can supply a scripted reader.
public protocol LineReader: Sendable {
    /// True when a person is typing: the session then keeps going after errors and
    /// Ctrl-C, and ends the screen line after Ctrl-D. False for scripts, which stop
    /// at the first failing entry.
    var isInteractive: Bool { get }

    /// Reads one line (without its newline).
    func readLine(_ request: LineRequest) async -> LineInput

    /// Remembers a complete entry, possibly several lines, as one history item.
    func recordHistory(_ entry: String)

    /// The remembered entries, oldest first.
    func historyEntries() -> [String]

    /// Saves what needs saving and releases the terminal. Reads after this return
    /// ``LineInput/endOfInput``.
    func close()
}

/// What the session asks of the reader for one line.
public struct LineRequest: Sendable, Hashable {
    /// The prompt to show.
    public var prompt: Prompt
    /// Earlier lines of the same entry, each ending in `"\n"` (empty for a first
    /// line); completion sees them in front of the current line.
    public var pendingText: String

    /// Creates a request.
    public init(prompt: Prompt, pendingText: String = "") {
        self.prompt = prompt
        self.pendingText = pendingText
    }
}

/// The result of reading a line.
public enum LineInput: Sendable, Hashable {
    /// A line, without its newline. A line recalled from history may contain
    /// newlines itself.
    case line(String)
    /// Ctrl-C while editing: drop the line and any unfinished entry.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}
