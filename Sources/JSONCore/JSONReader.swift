/// A fast, strict JSON parser (RFC 8259) that builds values with a
/// ``JSONBuilder``, so a caller's own value type is built directly from bytes.
///
/// - Integers without fraction or exponent that fit in 64 bits are exact;
///   other numbers are doubles, correctly rounded.
/// - Object keys reach the builder in their order; duplicates are the
///   builder's to resolve.
/// - Errors carry the byte offset, line and column (``JSONSyntaxError``).
/// - Nesting is limited to ``maximumDepth`` levels.
///
/// A reader works on bytes it does not own: use it inside
/// `withUnsafeBytes`. For input that arrives in pieces, ``isComplete`` false
/// makes the reader throw ``JSONReadFailure/needsMoreInput`` where the input
/// ends inside a value, so the caller can read more and parse the value
/// again from its start (``JSONStreamReader`` does).
public struct JSONReader {
    /// How deeply arrays and objects may nest.
    public static let maximumDepth = 512

    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline let count: Int
    /// The offset of the next byte to read.
    public var position: Int
    /// Whether the input ends where ``bytes`` end (otherwise more may follow).
    public let isComplete: Bool
    /// Whether the end of the input is the end of a line (NDJSON), for messages.
    @usableFromInline let endIsLineEnd: Bool
    @usableFromInline var depth = 0

    /// A reader of `bytes` from `position`.
    ///
    /// - Parameters:
    ///   - isComplete: `false` when more input may follow `bytes`.
    ///   - endIsLineEnd: the input is one line of NDJSON (messages say "line").
    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer, position: Int = 0, isComplete: Bool = true, endIsLineEnd: Bool = false) {
        self.bytes = bytes
        self.count = bytes.count
        self.position = position
        self.isComplete = isComplete
        self.endIsLineEnd = endIsLineEnd
    }

    /// Parses exactly one JSON value, with optional whitespace around it.
    @inlinable
    public static func parse<Builder: JSONBuilder>(
        _ bytes: UnsafeRawBufferPointer, with builder: inout Builder
    ) throws(JSONSyntaxError) -> Builder.Value {
        var reader = JSONReader(bytes)
        do throws(JSONReadFailure) {
            reader.skipWhitespace()
            let value = try reader.readValue(with: &builder)
            reader.skipWhitespace()
            guard reader.position == reader.count else {
                throw JSONReadFailure.syntax(message: "unexpected text after the JSON value", offset: reader.position)
            }
            return value
        } catch {
            builder.reset()
            throw reader.located(error)
        }
    }

    /// The value that starts at ``position`` (after whitespace), leaving
    /// ``position`` after it.
    @inlinable
    public mutating func readValue<Builder: JSONBuilder>(with builder: inout Builder) throws(JSONReadFailure)
        -> Builder.Value
    {
        skipWhitespace()
        guard position < count else { throw endOfInput("expected a JSON value") }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return builder.string(try readString())
        case UInt8(ascii: "{"):
            return try readObject(with: &builder)
        case UInt8(ascii: "["):
            return try readArray(with: &builder)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumber(with: &builder)
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return builder.bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return builder.bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return builder.null()
        default:
            throw unexpected("expected a JSON value")
        }
    }

    /// Skips spaces, tabs, carriage returns and newlines.
    @inlinable
    @inline(__always)
    public mutating func skipWhitespace() {
        while position < count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The byte at ``position``, or `nil` at the end.
    @inlinable
    public var currentByte: UInt8? { position < count ? bytes[position] : nil }

    @inlinable
    mutating func readObject<Builder: JSONBuilder>(with builder: inout Builder) throws(JSONReadFailure)
        -> Builder.Value
    {
        try enter()
        position += 1
        var object = builder.beginObject()
        skipWhitespace()
        if position < count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return builder.endObject(object)
        }
        while true {
            skipWhitespace()
            guard position < count else { throw endOfInput("expected a key in double quotes") }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw unexpected("expected a key in double quotes")
            }
            let key = try readKey(with: &builder)
            skipWhitespace()
            guard position < count else { throw endOfInput("expected ':' after the key") }
            guard bytes[position] == UInt8(ascii: ":") else { throw unexpected("expected ':' after the key") }
            position += 1
            let value = try readValue(with: &builder)
            builder.member(consume key, consume value, to: &object)
            skipWhitespace()
            guard position < count else { throw endOfInput("expected ',' or '}' after a member of an object") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return builder.endObject(object)
            default:
                throw unexpected("expected ',' or '}' after a member of an object")
            }
        }
    }

    @inlinable
    mutating func readArray<Builder: JSONBuilder>(with builder: inout Builder) throws(JSONReadFailure)
        -> Builder.Value
    {
        try enter()
        position += 1
        var array = builder.beginArray()
        skipWhitespace()
        if position < count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return builder.endArray(array)
        }
        while true {
            let value = try readValue(with: &builder)
            builder.element(consume value, to: &array)
            skipWhitespace()
            guard position < count else { throw endOfInput("expected ',' or ']' after an element of an array") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return builder.endArray(array)
            default:
                throw unexpected("expected ',' or ']' after an element of an array")
            }
        }
    }

    @inlinable
    mutating func enter() throws(JSONReadFailure) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw JSONReadFailure.syntax(
                message: "arrays and objects nested more than \(Self.maximumDepth) deep", offset: position)
        }
    }

    @inlinable
    mutating func readLiteral(_ word: StaticString) throws(JSONReadFailure) {
        let length = word.utf8CodeUnitCount
        let text = word.utf8Start
        var index = 0
        while index < length {
            guard position + index < count else { throw endOfInput("expected `\(word)`") }
            guard bytes[position + index] == text[index] else {
                throw JSONReadFailure.syntax(
                    message: "expected `\(word)`, found \(Self.describe(bytes[position + index]))", offset: position + index)
            }
            index += 1
        }
        position += length
    }
}

/// Why a ``JSONReader`` stopped.
public enum JSONReadFailure: Error, Sendable, Hashable {
    /// The bytes are not JSON: `message`, at byte `offset`.
    case syntax(message: String, offset: Int)
    /// The input ended inside a value and ``JSONReader/isComplete`` is false:
    /// read more and parse the value again from its start.
    case needsMoreInput
}

extension JSONReader {
    /// The end of the input where more was expected: a syntax error, or a
    /// request for more input.
    @inlinable
    func endOfInput(_ expectation: String) -> JSONReadFailure {
        guard isComplete else { return .needsMoreInput }
        return .syntax(message: endMessage(expectation), offset: count)
    }

    @usableFromInline
    func endMessage(_ expectation: String) -> String {
        (endIsLineEnd ? "the line ends too early: " : "unexpected end of the input: ") + expectation
    }

    /// A syntax error at ``position``: `expectation`, and what was found.
    @inlinable
    func unexpected(_ expectation: String) -> JSONReadFailure {
        .syntax(message: "\(expectation), found \(Self.describe(bytes[position]))", offset: position)
    }

    /// `'x'` for a printable ASCII byte, a name or code for others.
    @usableFromInline
    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: "the end of the line"
        case 0x0D: "a carriage return"
        case 0x09: "a tab"
        case 0x21...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        case 0x20: "a space"
        case 0x80...: "a non-ASCII character"
        default: "the control character U+" + Self.hex(UInt32(byte))
        }
    }

    @usableFromInline
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `failure` as a ``JSONSyntaxError`` with line and column in ``bytes``.
    @usableFromInline
    func located(_ failure: JSONReadFailure) -> JSONSyntaxError {
        switch failure {
        case .syntax(let message, let offset):
            let (line, column) = TextLocation.of(offset: offset, in: bytes)
            return JSONSyntaxError(message: message, offset: offset, line: line, column: column)
        case .needsMoreInput:
            let (line, column) = TextLocation.of(offset: count, in: bytes)
            return JSONSyntaxError(message: endMessage("incomplete JSON"), offset: count, line: line, column: column)
        }
    }
}
