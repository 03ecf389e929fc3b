extension Lexer {
    /// Lexes a `"…"` string with escapes and `\(…)` interpolations.
    /// Strings may span lines; an unterminated one runs to the end of the input.
    mutating func lexString() -> Token {
        let start = offset
        advance()
        var builder = PartsBuilder()
        var terminated = false
        while let byte = peek() {
            if byte == UInt8(ascii: "\"") {
                advance()
                terminated = true
                break
            }
            if byte == UInt8(ascii: "\\") {
                if peek(is: "(", 1) {
                    builder.flush()
                    builder.parts.append(lexInterpolation())
                } else {
                    lexEscape(into: &builder.text)
                }
                continue
            }
            builder.text.append(byte)
            advance()
        }
        let parts = builder.finish()
        if !terminated, !Self.endsInOpenInterpolation(parts) {
            report(
                .unterminatedString(quote: "\""), SourceRange(start: start, end: start + 1),
                notes: [.init("the string starts here and runs to the end of the input")])
        }
        return token(.string(StringToken(parts: parts, quote: "\"", isTerminated: terminated)), from: start)
    }

    /// Lexes a `'…'` raw string: no escapes, no interpolation.
    mutating func lexRawString() -> Token {
        let start = offset
        advance()
        while let byte = peek(), byte != UInt8(ascii: "'") { advance() }
        let content = text(start + 1, offset)
        let terminated = peek(is: "'")
        if terminated {
            advance()
        } else {
            report(
                .unterminatedString(quote: "'"), SourceRange(start: start, end: start + 1),
                notes: [.init("the string starts here and runs to the end of the input")])
        }
        let parts: [StringToken.Part] = content.isEmpty ? [] : [.text(content)]
        return token(.string(StringToken(parts: parts, quote: "'", isTerminated: terminated)), from: start)
    }

    /// Lexes `“…”` (or `‘…’`) on one line as a string and suggests straight quotes.
    mutating func lexCurlyQuotedString() -> Token {
        let start = offset
        let openLength = scalar(at: offset)?.1 ?? 1
        advance(openLength)
        let contentStart = offset
        while let (scalar, length) = scalar(at: offset), scalar != "\n" {
            if scalar == "\u{201D}" || scalar == "\u{2019}" || scalar == "\u{201C}" || scalar == "\"" {
                let content = text(contentStart, offset)
                advance(length)
                let range = SourceRange(start: start, end: offset)
                report(.curlyQuotes, range, fixIt: .init(range: range, replacement: StringEscaping.quoted(content)))
                let parts: [StringToken.Part] = content.isEmpty ? [] : [.text(content)]
                return token(.string(StringToken(parts: parts, quote: "\"", isTerminated: true)), from: start)
            }
            advance(length)
        }
        offset = start + openLength
        report(.curlyQuotes, SourceRange(start: start, end: offset))
        return token(.error, from: start)
    }

    /// Lexes `\(` … `)`: the tokens inside, lexed recursively.
    private mutating func lexInterpolation() -> StringToken.Part {
        let start = offset
        advance(2)
        guard interpolationDepth < Self.maxInterpolationDepth else {
            report(.interpolationTooDeep, SourceRange(start: start, end: offset))
            let closed = skipBalancedParentheses()
            let tokens = [Token(.error, range: SourceRange(start: start, end: offset)), Token(.endOfFile, range: .at(offset))]
            return .interpolation(tokens: tokens, range: SourceRange(start: start, end: offset), closed: closed)
        }
        interpolationDepth += 1
        defer { interpolationDepth -= 1 }
        var tokens: [Token] = []
        var depth = 0
        var closed = false
        while true {
            let token = next()
            if token.kind == .endOfFile { break }
            if token.kind.is(.leftParen) { depth += 1 }
            if token.kind.is(.rightParen) {
                if depth == 0 {
                    closed = true
                    tokens.append(Token(.endOfFile, range: .at(token.range.start)))
                    break
                }
                depth -= 1
            }
            tokens.append(token)
        }
        if !closed {
            tokens.append(Token(.endOfFile, range: .at(offset)))
            let innerStringOpen = tokens.dropLast().last.map { token -> Bool in
                if case .string(let s) = token.kind { return !s.isTerminated }
                return false
            } ?? false
            if !innerStringOpen {
                report(
                    .unterminatedInterpolation, SourceRange(start: start, end: start + 2),
                    notes: [.init("the interpolation starts here and runs to the end of the input")])
            }
        }
        return .interpolation(tokens: tokens, range: SourceRange(start: start, end: offset), closed: closed)
    }

    /// Skips to the `)` matching an already consumed `(`, ignoring everything else.
    private mutating func skipBalancedParentheses() -> Bool {
        var depth = 0
        while let byte = peek() {
            advance()
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                if depth == 0 { return true }
                depth -= 1
            }
        }
        return false
    }

    /// Lexes one escape sequence at a backslash, appending what it stands for.
    private mutating func lexEscape(into text: inout [UInt8]) {
        let start = offset
        guard let next = peek(1) else {
            advance()
            return
        }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
            UInt8(ascii: "n"): UInt8(ascii: "\n"), UInt8(ascii: "t"): UInt8(ascii: "\t"),
            UInt8(ascii: "r"): UInt8(ascii: "\r"), UInt8(ascii: "0"): 0,
        ]
        if let resolved = simple[next] {
            advance(2)
            text.append(resolved)
            return
        }
        if next == UInt8(ascii: "u") {
            lexUnicodeEscape(into: &text)
            return
        }
        let length = scalar(at: offset + 1)?.1 ?? 1
        advance(1 + length)
        let escape = self.text(start, offset)
        report(
            .invalidEscape(escape), SourceRange(start: start, end: offset),
            notes: [.init(#"valid escapes are \" \\ \n \t \r \0 \u{…} and \(…); use a '…' raw string to avoid escaping"#)])
        text.append(contentsOf: bytes[(start + 1)..<offset])
    }

    private mutating func lexUnicodeEscape(into text: inout [UInt8]) {
        let start = offset
        advance(2)
        var value: UInt32 = 0
        var digits = 0
        let valid: Bool
        if peek(is: "{") {
            advance()
            // Up to 8 digits fit a UInt32; a 9th is read only to be refused.
            while let byte = peek(), let digit = Self.hexValue(byte), digits < 9 {
                if digits < 8 { value = value * 16 + digit }
                digits += 1
                advance()
            }
            valid = peek(is: "}") && (1...8).contains(digits)
            if peek(is: "}") { advance() }
        } else {
            valid = false
        }
        guard valid, let scalar = Unicode.Scalar(value) else {
            report(.invalidUnicodeEscape, SourceRange(start: start, end: offset))
            return
        }
        text.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func endsInOpenInterpolation(_ parts: [StringToken.Part]) -> Bool {
        if case .interpolation(_, _, closed: false) = parts.last { return true }
        return false
    }

    /// Accumulates string parts, merging text and dropping empty text.
    private struct PartsBuilder {
        var parts: [StringToken.Part] = []
        var text: [UInt8] = []

        mutating func finish() -> [StringToken.Part] {
            flush()
            return parts
        }

        mutating func flush() {
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
            text = []
        }
    }
}
