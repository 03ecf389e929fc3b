/// Malformed JSON: what is wrong and where, as a byte offset and as the line
/// and column a person looks for (both 1-based; the column counts
/// characters, not bytes).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `expected ',' or '}' after a member`.
    public var message: String
    /// The byte offset from the start of the input.
    public var offset: Int
    /// The line, from 1.
    public var line: Int
    /// The column in characters (Unicode scalars), from 1.
    public var column: Int

    /// Creates an error.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `line 3, column 14: expected ',' or '}' after a member`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Line and column of byte offsets: computed only when an error is reported.
public enum TextLocation {
    /// The 1-based line and column (in Unicode scalars) of `offset` in `bytes`.
    public static func of(offset: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        let offset = min(max(0, offset), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, scalarCount(bytes, from: lineStart, to: offset) + 1)
    }

    /// How many Unicode scalars start in `bytes[start..<end]`: bytes that are
    /// not UTF-8 continuation bytes.
    public static func scalarCount(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}
