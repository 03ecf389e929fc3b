extension RegexParser {
    /// What follows a `\` outside a class.
    mutating func escape(at start: Int) throws(RegexSyntaxError) -> RegexNode {
        let scalar = try escapedScalar(at: start)
        switch scalar {
        case "d": return .set(.digits)
        case "D": return .set(ScalarSet.digits.inverted)
        case "w": return .set(.word)
        case "W": return .set(ScalarSet.word.inverted)
        case "s": return .set(.space)
        case "S": return .set(ScalarSet.space.inverted)
        case "b": return .wordBoundary(negated: false)
        case "B": return .wordBoundary(negated: true)
        default: return .scalar(try literal(scalar, at: start))
        }
    }

    /// `[…]` after its `[`: ranges, single scalars and `\d \w \s`; `^` first negates.
    mutating func characterClass(startingAt start: Int) throws(RegexSyntaxError) -> ScalarSet {
        var set = ScalarSet(ranges: [], negated: false)
        if current == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while true {
            guard let scalar = current else { throw RegexSyntaxError(message: "unmatched `[`", offset: start) }
            if scalar == "]", !first { break }
            first = false
            let itemStart = position
            position += 1
            var low = scalar
            if scalar == "\\" {
                let escaped = try escapedScalar(at: itemStart)
                switch escaped {
                case "d": set.ranges += ScalarSet.digits.ranges; continue
                case "w": set.ranges += ScalarSet.word.ranges; continue
                case "s": set.ranges += ScalarSet.space.ranges; continue
                case "D", "W", "S", "b", "B":
                    throw RegexSyntaxError(message: "`\\\(escaped)` is not supported inside `[…]`", offset: itemStart)
                default: low = try literal(escaped, at: itemStart)
                }
            }
            var high = low
            if current == "-", position + 1 < scalarCount, peek(1) != "]" {
                position += 1
                let highStart = position
                guard let next = current else { throw RegexSyntaxError(message: "unmatched `[`", offset: start) }
                position += 1
                high = next == "\\" ? try literal(try escapedScalar(at: highStart), at: highStart) : next
                guard high.value >= low.value else {
                    throw RegexSyntaxError(message: "the range `\(low)-\(high)` runs backwards", offset: itemStart)
                }
            }
            set.ranges.append(low.value...high.value)
        }
        position += 1
        return set
    }

    /// The scalar after a `\`, which must exist.
    private mutating func escapedScalar(at start: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        guard let scalar = current else { throw RegexSyntaxError(message: "the pattern ends with `\\`", offset: start) }
        position += 1
        return scalar
    }

    /// The scalar an escape such as `\n`, `\.` or `\x41` stands for.
    private mutating func literal(_ escaped: Unicode.Scalar, at start: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        switch escaped {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "0": return "\u{0}"
        case "x", "u": return try hexScalar(at: start)
        case "1"..."9":
            throw RegexSyntaxError(
                message: "backreferences are not supported (cq's regular expressions run in linear time)", offset: start)
        default:
            if escaped.isASCII, escaped.properties.isAlphabetic {
                throw RegexSyntaxError(message: "unknown escape `\\\(escaped)`", offset: start)
            }
            return escaped
        }
    }

    /// `\x41`, `\x{1F600}` or `\u{1F600}` after the letter.
    private mutating func hexScalar(at start: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        let braced = current == "{"
        if braced { position += 1 }
        var digits = ""
        while let scalar = current, scalar.properties.isASCIIHexDigit, braced || digits.count < 2 {
            digits.unicodeScalars.append(scalar)
            position += 1
        }
        if braced {
            guard current == "}" else { throw RegexSyntaxError(message: "unmatched `{` in a hex escape", offset: start) }
            position += 1
        }
        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw RegexSyntaxError(message: "invalid hex escape", offset: start)
        }
        return scalar
    }
}
