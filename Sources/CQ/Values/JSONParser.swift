internal import JSONCore

/// Parses JSON text into a ``Value``, keeping the order of object keys.
///
/// Used for `from_json`, raw API responses and single documents; `open()`
/// reads files a value at a time with the same parser. Numbers without a
/// fraction or exponent that fit in 64 bits become exact ints; strings are
/// never turned into timestamps (a JSON file does not say which strings are
/// dates).
public struct JSONParser {
    /// A JSON syntax error: what is wrong, the byte offset, and the line and column.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// The byte offset in the input.
        public var offset: Int
        /// The line, from 1.
        public var line: Int
        /// The column in characters, from 1.
        public var column: Int

        /// Creates an error.
        public init(message: String, offset: Int, line: Int = 1, column: Int? = nil) {
            self.message = message
            self.offset = offset
            self.line = line
            self.column = column ?? offset + 1
        }

        init(_ error: JSONSyntaxError) {
            self.init(message: error.message, offset: error.offset, line: error.line, column: error.column)
        }

        public var description: String { "\(message) (line \(line), column \(column))" }
    }

    private init() {}

    /// Parses one JSON document; surrounding whitespace is allowed.
    public static func parse(_ text: some Collection<UInt8>) throws(SyntaxError) -> Value {
        let result: Result<Value, SyntaxError>? = text.withContiguousStorageIfAvailable { parse(UnsafeRawBufferPointer($0)) }
        return try (result ?? Array(text).withUnsafeBytes { parse($0) }).get()
    }

    /// Parses one JSON document from a string.
    public static func parse(_ text: String) throws(SyntaxError) -> Value {
        try parse(text.utf8)
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<Value, SyntaxError> {
        var builder = ValueBuilder()
        do throws(JSONSyntaxError) {
            return .success(try JSONReader.parse(bytes, with: &builder))
        } catch {
            return .failure(SyntaxError(error))
        }
    }
}
