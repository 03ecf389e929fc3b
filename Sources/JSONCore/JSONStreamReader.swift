#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes that arrive in pieces: a file, a pipe, standard input.
public protocol JSONByteSource {
    /// Reads at most `buffer.count` bytes into `buffer` and returns how many;
    /// 0 at the end of the input. May return fewer bytes than asked for
    /// (what a pipe holds at the moment).
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// How the input of a ``JSONStreamReader`` is laid out.
public enum JSONLayout: String, Sendable, Hashable, CaseIterable {
    /// Decided by the data: an array's elements, one value, or a sequence of
    /// values (NDJSON when the first value is on one line).
    case automatic = "auto"
    /// One JSON document: an array's elements are the rows, anything else is a single value.
    case document = "json"
    /// NDJSON (JSON Lines): one value per line, blank lines skipped.
    case lines = "ndjson"
}

/// How the input of a ``JSONStreamReader`` starts.
public enum JSONStreamStart<Value> {
    /// The whole input is this one value (not an array).
    case single(Value)
    /// The input is a sequence of rows, read with ``JSONStreamReader/next(with:)``;
    /// `first` is the first row when it was read to find this out.
    case rows(first: Value?)
}

/// Reads JSON from a ``JSONByteSource`` a value at a time, holding only the
/// value being parsed: the elements of a top-level array, the lines of NDJSON,
/// or a sequence of whitespace-separated values, each built as soon as its
/// bytes have arrived.
///
/// Errors give the line and column in the whole input, however much of it
/// has been read and forgotten. Not thread-safe: one reader per thread.
public final class JSONStreamReader<Source: JSONByteSource> {
    @usableFromInline
    enum Mode {
        case unstarted, arrayFirst, arrayNext, lines, values, finished
    }

    // Unchecked exclusivity: a reader is used by one thread, one call at a time.
    @exclusivity(unchecked) var source: Source
    private let layout: JSONLayout
    @exclusivity(unchecked) @usableFromInline var storage: UnsafeMutableRawBufferPointer
    /// The first byte not consumed yet.
    @exclusivity(unchecked) @usableFromInline var start = 0
    /// The end of the bytes read.
    @exclusivity(unchecked) @usableFromInline var end = 0
    @exclusivity(unchecked) @usableFromInline var sourceEnded = false
    @exclusivity(unchecked) @usableFromInline var mode = Mode.unstarted
    /// Bytes, newlines and the scalars after the last newline, in input
    /// already dropped from the front of `storage`.
    @exclusivity(unchecked) var droppedBytes = 0
    @exclusivity(unchecked) var droppedLines = 0
    @exclusivity(unchecked) var droppedColumn = 0

    /// A reader of `source` laid out as `layout`.
    ///
    /// - Parameter initialCapacity: the first buffer size; it grows to hold
    ///   the largest value (or line).
    public init(source: Source, layout: JSONLayout, initialCapacity: Int = 1 << 18) {
        self.source = source
        self.layout = layout
        self.storage = .allocate(byteCount: max(64, initialCapacity), alignment: 8)
    }

    deinit { storage.deallocate() }

    /// Finds out whether the input is a single value or rows. NDJSON
    /// (``JSONLayout/lines``) reads nothing here; the other layouts read the
    /// first value, and for ``JSONLayout/automatic`` peek past it.
    public func start<Builder: JSONBuilder>(with builder: inout Builder) throws -> JSONStreamStart<Builder.Value> {
        precondition(mode == .unstarted, "start(with:) is called once")
        if layout == .lines {
            mode = .lines
            return .rows(first: nil)
        }
        try skipByteOrderMark()
        guard let first = try peekNonWhitespace() else {
            if layout == .document { throw syntaxError("the input is empty: expected a JSON value", at: start) }
            mode = .finished
            return .rows(first: nil)
        }
        if first == UInt8(ascii: "[") {
            start += 1
            mode = .arrayFirst
            return .rows(first: nil)
        }
        let droppedBeforeValue = droppedBytes
        let valueStart = start
        let value = try parseValue(with: &builder)
        let valueSpansLines = containsNewline(from: valueStart - (droppedBytes - droppedBeforeValue), to: start)
        let droppedBeforeGap = droppedBytes
        let valueEnd = start
        guard let next = try peekNonWhitespace() else {
            mode = .finished
            return .single(value)
        }
        if layout == .document {
            throw syntaxError("unexpected text after the JSON value (\(Self.describe(next)))", at: start)
        }
        // NDJSON when the first value is on a line of its own; otherwise
        // values separated by any whitespace (e.g. jq's pretty output).
        let lineEndsAfterValue = containsNewline(from: valueEnd - (droppedBytes - droppedBeforeGap), to: start)
        mode = !valueSpansLines && lineEndsAfterValue ? .lines : .values
        return .rows(first: value)
    }

    /// The next row, or `nil` after the last.
    @inlinable
    public func next<Builder: JSONBuilder>(with builder: inout Builder) throws -> Builder.Value? {
        switch mode {
        case .unstarted:
            preconditionFailure("call start(with:) first")
        case .finished:
            return nil
        case .lines:
            return try nextLine(with: &builder)
        case .values:
            guard try peekNonWhitespace() != nil else {
                mode = .finished
                return nil
            }
            return try parseValue(with: &builder)
        case .arrayFirst, .arrayNext:
            guard let byte = try peekNonWhitespace() else {
                throw syntaxError(
                    mode == .arrayFirst ? "the array has no closing ']'" : "expected ',' or ']' after an element of an array",
                    at: start, atEnd: true)
            }
            if byte == UInt8(ascii: "]") {
                start += 1
                mode = .finished
                if let next = try peekNonWhitespace() {
                    throw syntaxError("unexpected text after the JSON array (\(Self.describe(next)))", at: start)
                }
                return nil
            }
            if mode == .arrayNext {
                guard byte == UInt8(ascii: ",") else {
                    throw syntaxError(
                        "expected ',' or ']' after an element of an array, found \(Self.describe(byte))", at: start)
                }
                start += 1
            }
            mode = .arrayNext
            return try parseValue(with: &builder)
        }
    }

    // MARK: Values and lines

    @inlinable
    func parseValue<Builder: JSONBuilder>(with builder: inout Builder) throws -> Builder.Value {
        while true {
            let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<end])
            var reader = JSONReader(bytes, position: start, isComplete: sourceEnded)
            do throws(JSONReadFailure) {
                let value = try reader.readValue(with: &builder)
                start = reader.position
                return value
            } catch .needsMoreInput {
                builder.reset()
                try refill(wanting: 2 * (end - start))
            } catch .syntax(let message, let offset) {
                builder.reset()
                throw syntaxError(message, at: offset)
            }
        }
    }

    @inlinable
    func nextLine<Builder: JSONBuilder>(with builder: inout Builder) throws -> Builder.Value? {
        try skipByteOrderMark()
        var searchFrom = start
        while true {
            let newline = findNewline(from: searchFrom)
            guard newline < end || sourceEnded else {
                searchFrom = end - start
                try refill(wanting: 2 * (end - start))
                searchFrom += start
                continue
            }
            let lineStart = start
            start = min(newline + 1, end)
            if newline == end, lineStart == end {
                mode = .finished
                return nil
            }
            if isBlank(from: lineStart, to: newline) {
                searchFrom = start
                continue
            }
            let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[lineStart..<newline])
            var reader = JSONReader(bytes, endIsLineEnd: true)
            do throws(JSONReadFailure) {
                reader.skipWhitespace()
                let value = try reader.readValue(with: &builder)
                reader.skipWhitespace()
                guard reader.position == bytes.count else {
                    throw JSONReadFailure.syntax(
                        message: "unexpected text after the JSON value (NDJSON has one value per line)",
                        offset: reader.position)
                }
                return value
            } catch {
                builder.reset()
                switch error {
                case .syntax(let message, let offset): throw syntaxError(message, at: lineStart + offset)
                case .needsMoreInput: throw syntaxError("incomplete JSON", at: newline)
                }
            }
        }
    }
}
