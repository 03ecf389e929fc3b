extension JSONReader {
    /// The string at ``position`` (its opening quote), escapes decoded.
    @inlinable
    mutating func readString() throws(JSONReadFailure) -> String {
        let start = position + 1
        let end = scanPlainRun(from: start)
        if end < count, bytes[end] == UInt8(ascii: "\"") {
            position = end + 1
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var decoded: [UInt8] = []
        try decodeEscapedString(from: start, plainUntil: end, into: &decoded)
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The key at ``position``: raw bytes when it has no escapes.
    @inlinable
    mutating func readKey<Builder: JSONBuilder>(with builder: inout Builder) throws(JSONReadFailure) -> Builder.Key {
        let start = position + 1
        let end = scanPlainRun(from: start)
        if end < count, bytes[end] == UInt8(ascii: "\"") {
            position = end + 1
            return builder.key(utf8: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        }
        var decoded: [UInt8] = []
        try decodeEscapedString(from: start, plainUntil: end, into: &decoded)
        return builder.key(String(decoding: decoded, as: UTF8.self))
    }

    /// The offset of the first byte from `start` that ends a run of plain
    /// string bytes: a quote, a backslash, a control character, or the end.
    /// Eight bytes at a time while none of them is special.
    @inlinable
    @inline(__always)
    func scanPlainRun(from start: Int) -> Int {
        var index = start
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let special = Self.specialBytes(word)
            // The lowest flag is exact (little-endian: the first such byte).
            if special != 0 { return index + special.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            index += 1
        }
        return index
    }

    /// The high bit of each of the eight bytes of `word` that is `"`, `\`
    /// or below 0x20 — exact up to the first such byte; bytes after it may
    /// be flagged too.
    @inlinable
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- (ones &* 0x20)) & ~word
        return (zeroQuote | zeroBackslash | control) & highs
    }

    /// Decodes a string with escapes (or one that is cut off), whose bytes
    /// from `start` to `plainEnd` are plain, into `output` as UTF-8.
    @usableFromInline
    mutating func decodeEscapedString(from start: Int, plainUntil plainEnd: Int, into output: inout [UInt8])
        throws(JSONReadFailure)
    {
        output.reserveCapacity(plainEnd - start + 16)
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<plainEnd]))
        var index = plainEnd
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                position = index + 1
                return
            case UInt8(ascii: "\\"):
                index = try decodeEscape(at: index, into: &output)
            case 0..<0x20:
                throw .syntax(
                    message: "a string cannot hold \(Self.describe(byte)) unescaped (write it as \\u\(Self.hex(UInt32(byte))))",
                    offset: index)
            default:
                output.append(byte)
                index += 1
            }
        }
        throw endOfInput("the string has no closing quote")
    }

    /// Decodes the escape at `index` (its backslash) and returns the offset after it.
    @usableFromInline
    func decodeEscape(at index: Int, into output: inout [UInt8]) throws(JSONReadFailure) -> Int {
        guard index + 1 < count else { throw endOfInput("the string has no closing quote") }
        let simple: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(at: index, into: &output)
        default:
            let escaped = bytes[index + 1]
            let shown = (0x21...0x7E).contains(escaped) ? "\\" + String(UnicodeScalar(escaped)) : Self.describe(escaped)
            throw .syntax(message: "invalid escape \(shown) (JSON has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u)", offset: index)
        }
        output.append(simple)
        return index + 2
    }

    /// `\uXXXX`, combining a surrogate pair; a lone surrogate becomes U+FFFD.
    func decodeUnicodeEscape(at index: Int, into output: inout [UInt8]) throws(JSONReadFailure) -> Int {
        let high = try hex4(at: index + 2)
        var scalarValue = high
        var next = index + 6
        if (0xD800..<0xDC00).contains(high) {
            if next + 1 >= count, !isComplete { throw .needsMoreInput }
            if next + 1 < count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") {
                let low = try hex4(at: next + 2)
                if (0xDC00..<0xE000).contains(low) {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    next += 6
                }
            }
        }
        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
        UTF8.encode(scalar) { output.append($0) }
        return next
    }

    func hex4(at index: Int) throws(JSONReadFailure) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard index + offset < count else { throw endOfInput("a \\u escape needs four hexadecimal digits") }
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw .syntax(message: "a \\u escape needs four hexadecimal digits", offset: index + offset)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
