/// The text of one cq program together with the name it is reported under.
///
/// The name is what diagnostics print before the line and column: a path for
/// script files, `<command line>` for `cq -e`, `repl:N` for the N-th REPL entry.
public struct SourceFile: Sendable, Hashable {
    /// The name printed in diagnostics.
    public let name: String
    /// The program text.
    public let text: String
    /// UTF-8 byte offsets at which each line starts; the first is always 0.
    private let lineStarts: [Int]

    /// Creates a source file named `name` holding `text`.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// A one-based line and column, with the column counted in characters.
    public struct Location: Sendable, Hashable {
        /// The one-based line number.
        public var line: Int
        /// The one-based column, counted in Unicode characters.
        public var column: Int
    }

    /// The line and column of the byte at `offset`.
    public func location(of offset: Int) -> Location {
        let clamped = min(max(0, offset), text.utf8.count)
        let lineIndex = lineIndex(containing: clamped)
        let lineStart = lineStarts[lineIndex]
        let prefix = text.utf8.dropFirst(lineStart).prefix(clamped - lineStart)
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return Location(line: lineIndex + 1, column: column)
    }

    /// The text of the one-based line `line`, without its newline.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : text.utf8.count
        let bytes = text.utf8.dropFirst(start).prefix(max(0, end - start))
        var result = String(decoding: bytes, as: UTF8.self)
        if result.hasSuffix("\r") { result.removeLast() }
        return result
    }

    /// The source text covered by `range`.
    public func text(in range: SourceRange) -> String {
        let count = text.utf8.count
        let start = min(max(0, range.start), count)
        let end = min(max(start, range.end), count)
        return String(decoding: text.utf8.dropFirst(start).prefix(end - start), as: UTF8.self)
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
