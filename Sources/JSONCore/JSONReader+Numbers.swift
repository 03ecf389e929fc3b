extension JSONReader {
    /// The number at ``position``: an exact `Int` when it has no fraction or
    /// exponent and fits, otherwise a correctly rounded `Double`.
    @inlinable
    mutating func readNumber<Builder: JSONBuilder>(with builder: inout Builder) throws(JSONReadFailure)
        -> Builder.Value
    {
        let start = position
        var index = position
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0  // significant digits in `mantissa`
        var exponent = 0  // power of ten `mantissa` is scaled by
        var exact = true  // no digit was dropped from `mantissa`
        guard index < count else { throw endOfInput("expected a digit") }
        switch bytes[index] {
        case UInt8(ascii: "0"):
            index += 1
            if index < count, Self.isDigit(bytes[index]) {
                throw .syntax(message: "a number cannot start with 0 (except 0 itself)", offset: start)
            }
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            while index < count, Self.isDigit(bytes[index]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
                    digits += 1
                } else {
                    exponent += 1
                    exact = false
                }
                index += 1
            }
        default:
            throw .syntax(message: "expected a digit, found \(Self.describe(bytes[index]))", offset: index)
        }
        var isInteger = true
        if index < count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < count else { throw endOfInput("expected a digit after '.'") }
            guard Self.isDigit(bytes[index]) else {
                throw .syntax(message: "expected a digit after '.', found \(Self.describe(bytes[index]))", offset: index)
            }
            while index < count, Self.isDigit(bytes[index]) {
                let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ digit
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                } else if digit != 0 {
                    exact = false
                }
                index += 1
            }
        }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < count else { throw endOfInput("expected a digit in the exponent") }
            guard Self.isDigit(bytes[index]) else {
                throw .syntax(message: "expected a digit in the exponent, found \(Self.describe(bytes[index]))", offset: index)
            }
            var written = 0
            while index < count, Self.isDigit(bytes[index]) {
                if written < 100_000 { written = written * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        // More digits may follow in input not read yet.
        if index == count, !isComplete { throw .needsMoreInput }
        position = index
        if isInteger, exact {
            if negative {
                if mantissa <= UInt64(Int.max) + 1 { return builder.integer(Int(truncatingIfNeeded: 0 &- mantissa)) }
            } else if mantissa <= UInt64(Int.max) {
                return builder.integer(Int(mantissa))
            }
        }
        if exact, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            // Both operands are exact doubles, so one rounding: correct (Clinger).
            var value = Double(mantissa)
            value = exponent < 0 ? value / Self.powerOfTen(-exponent) : value * Self.powerOfTen(exponent)
            return builder.double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return builder.double(Double(text) ?? .nan)
    }

    @inlinable
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// 10^exponent for 0 ≤ exponent ≤ 22, exactly.
    @inlinable
    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        var remaining = exponent
        while remaining >= 8 {
            value *= 1e8
            remaining -= 8
        }
        switch remaining {
        case 1: value *= 1e1
        case 2: value *= 1e2
        case 3: value *= 1e3
        case 4: value *= 1e4
        case 5: value *= 1e5
        case 6: value *= 1e6
        case 7: value *= 1e7
        default: break
        }
        return value
    }
}
