extension Lexer {
    /// Lexes a plain identifier or a keyword.
    mutating func lexIdentifier() -> Token {
        let start = offset
        scanIdentifierTail()
        let name = text(start, offset)
        if let keyword = Keyword(rawValue: name) { return token(.keyword(keyword), from: start) }
        return token(.identifier(name), from: start)
    }

    /// Lexes `` `any text` ``.
    mutating func lexBacktickIdentifier() -> Token {
        let start = offset
        advance()
        while let byte = peek(), byte != UInt8(ascii: "`"), byte != UInt8(ascii: "\n") { advance() }
        let name = text(start + 1, offset)
        guard peek(is: "`") else {
            report(
                .unterminatedBacktick, SourceRange(start: start, end: start + 1),
                notes: [.init("backtick identifiers cannot span lines")])
            return token(.quotedIdentifier(name), from: start)
        }
        advance()
        if name.isEmpty {
            report(.emptyBacktick, SourceRange(start: start, end: offset))
            return token(.error, from: start)
        }
        return token(.quotedIdentifier(name), from: start)
    }

    /// Lexes `$name`.
    mutating func lexVariable() -> Token {
        let start = offset
        advance()
        guard let (scalar, _) = scalar(at: offset), Self.isIdentifierStart(scalar) else {
            report(
                .missingVariableName, SourceRange(start: start, end: offset),
                notes: [.init("variables are written `$name`")])
            return token(.error, from: start)
        }
        scanIdentifierTail()
        return token(.variable(text(start + 1, offset)), from: start)
    }

    /// Lexes a token that starts with a non-ASCII character: an identifier,
    /// a string in typographic quotes, or an unexpected character.
    mutating func lexNonASCII() -> Token {
        let start = offset
        guard let (scalar, length) = scalar(at: offset) else {
            advance()
            report(.unexpectedCharacter("\u{FFFD}"), SourceRange(start: start, end: offset))
            return token(.error, from: start)
        }
        if Self.isIdentifierStart(scalar) { return lexIdentifier() }
        if scalar == "\u{201C}" || scalar == "\u{2018}" || scalar == "\u{201E}" {
            return lexCurlyQuotedString()
        }
        advance(length)
        let repeats = skipRepeats(of: start)
        report(.unexpectedCharacter(String(scalar)), SourceRange(start: start, end: offset), notes: Self.repeatNote(repeats))
        return token(.error, from: start)
    }

    /// Skips copies of the unexpected character just read (from `start` to
    /// the current offset), so that a run of them is one problem, not
    /// thousands; returns how many were skipped.
    mutating func skipRepeats(of start: Int) -> Int {
        let length = offset - start
        var repeats = 0
        while offset + length <= bytes.count, bytes[offset..<offset + length].elementsEqual(bytes[start..<start + length]) {
            advance(length)
            repeats += 1
        }
        return repeats
    }

    /// "and N more like it", for a run of one unexpected character.
    static func repeatNote(_ repeats: Int) -> [Diagnostic.Note] {
        repeats == 0 ? [] : [.init("it is repeated \(repeats) more \(repeats == 1 ? "time" : "times") after this one")]
    }

    /// Consumes identifier characters (letters, digits, marks, `_`).
    mutating func scanIdentifierTail() {
        while let (scalar, length) = scalar(at: offset), Self.isIdentifierContinue(scalar) {
            advance(length)
        }
    }

    /// The Unicode scalar starting at byte `index` and its length in bytes.
    func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[index + k]) & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// A Unicode letter or `_`.
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        return scalar.properties.isAlphabetic
    }

    /// A letter, a digit, a combining mark or `_`.
    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) { return true }
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }
}
