/// Writes JSON text as UTF-8 bytes: the scalars of a document, in the
/// caller's order (a serialiser walks its own values and calls these).
///
/// Integers are exact; doubles use the shortest text that reads back as the
/// same double; strings are escaped as ``Options/escaping`` says.
public struct JSONWriter {
    /// How a writer formats what JSON leaves open.
    public struct Options: Sendable, Hashable {
        /// Which characters of strings become escapes.
        public enum Escaping: Sendable, Hashable {
            /// Only what JSON requires: `"`, `\` and the C0 controls.
            case minimal
            /// Also DEL, the C1 controls, U+2028/U+2029, the bidirectional
            /// controls and U+FFF9–U+FFFB (see ``JSONWriter/isEscapedForTerminals(_:)``),
            /// so JSON shown on a terminal cannot drive it.
            case terminalSafe
        }

        /// How integral doubles are written.
        public enum IntegralDoubles: Sendable, Hashable {
            /// As integers when below 10^15: `3`.
            case integers
            /// With a fraction when below 10^15: `3.0`.
            case withFraction
        }

        /// What NaN and infinities become (JSON has no such numbers).
        public enum NonFinite: Sendable, Hashable {
            /// `null`.
            case null
            /// `0`.
            case zero
        }

        /// Which characters are escaped.
        public var escaping: Escaping
        /// How integral doubles are written.
        public var integralDoubles: IntegralDoubles
        /// What non-finite doubles become.
        public var nonFinite: NonFinite

        /// Creates options; the defaults are what `cq` prints.
        public init(
            escaping: Escaping = .terminalSafe, integralDoubles: IntegralDoubles = .integers, nonFinite: NonFinite = .null
        ) {
            self.escaping = escaping
            self.integralDoubles = integralDoubles
            self.nonFinite = nonFinite
        }
    }

    /// The text written so far.
    public var bytes: [UInt8]
    /// How to format.
    public let options: Options

    /// A writer with an empty output.
    public init(options: Options = Options(), reservingCapacity capacity: Int = 256) {
        self.options = options
        self.bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far, as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends punctuation or a literal as it is: `{`, `,`, `null`.
    @inlinable
    public mutating func write(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends one byte as it is.
    @inlinable
    public mutating func write(byte: UInt8) { bytes.append(byte) }

    /// Appends a newline and two spaces per level of `indent`, for pretty output.
    public mutating func newline(indent: Int) {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    /// `null`.
    public mutating func null() { write("null") }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) { value ? write("true") : write("false") }

    /// An integer, exactly.
    public mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes hold the 20 digits of UInt64.max
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// A double: integral ones below 10^15 as ``Options/integralDoubles``
    /// says, others in the shortest form that reads back exactly (`0.1`, `1e-07`).
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            options.nonFinite == .null ? write("null") : write("0")
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            switch options.integralDoubles {
            case .integers:
                integer(Int(value))
            case .withFraction:
                if value == 0, value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
                integer(Int(value))
                write(".0")
            }
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A string in double quotes, escaped.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ appendEscaped(UnsafeRawBufferPointer($0)) }) {
            _ = done
        } else {
            var copy = value
            copy.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0)) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeRawBufferPointer) {
        let terminalSafe = options.escaping == .terminalSafe
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            let length: Int
            let escape: UInt32?
            switch byte {
            case 0x22, 0x5C, 0..<0x20:
                length = 1
                escape = UInt32(byte)
            case 0x7F where terminalSafe:
                length = 1
                escape = 0x7F
            case 0xC2, 0xD8, 0xE2, 0xEF:
                // The lead bytes of every escaped scalar beyond ASCII.
                guard terminalSafe else {
                    index += 1
                    continue
                }
                let (scalar, scalarLength) = Self.decodeScalar(utf8, at: index)
                length = scalarLength
                escape = scalar.flatMap { Self.isEscapedForTerminals($0) ? $0.value : nil }
            default:
                index += 1
                continue
            }
            guard let escape else {
                index += length
                continue
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(escape)
            index += length
            runStart = index
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<count]))
    }

    private mutating func appendEscape(_ value: UInt32) {
        switch value {
        case 0x22: write("\\\"")
        case 0x5C: write("\\\\")
        case 0x0A: write("\\n")
        case 0x0D: write("\\r")
        case 0x09: write("\\t")
        default:
            write("\\u")
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((value >> UInt32(shift)) & 0xF)
                bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            }
        }
    }

    /// The scalar whose UTF-8 starts at `index`, and its length in bytes
    /// (1 and `nil` for a malformed sequence).
    private static func decodeScalar(_ utf8: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = utf8[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= utf8.count else { return (nil, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = utf8[index + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }

    /// Whether ``Options/Escaping/terminalSafe`` escapes `scalar`: the C0
    /// and C1 controls, DEL, U+2028/U+2029, the bidirectional controls
    /// (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+206F) and U+FFF9–U+FFFB.
    public static func isEscapedForTerminals(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x206F, 0xFFF9...0xFFFB: true
        default: false
        }
    }
}
