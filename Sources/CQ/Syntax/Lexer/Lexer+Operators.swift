extension Lexer {
    /// Lexes an ASCII operator or delimiter, or reports an unexpected character.
    mutating func lexOperator() -> Token {
        let start = offset
        guard let byte = peek() else { return Token(.endOfFile, range: .at(offset)) }
        let next = peek(1)
        switch UnicodeScalar(byte) {
        case "|":
            if next == UInt8(ascii: "|") { return foreign("||", as: .keyword(.or), width: 2) }
            return punctuation(.pipe, width: 1)
        case "=":
            switch next {
            case UInt8(ascii: "="): return punctuation(.equalEqual, width: 2)
            case UInt8(ascii: "~"): return punctuation(.tildeMatch, width: 2)
            case UInt8(ascii: ">"): return punctuation(.arrow, width: 2)
            default: return punctuation(.equal, width: 1)
            }
        case "!":
            switch next {
            case UInt8(ascii: "="): return punctuation(.bangEqual, width: 2)
            case UInt8(ascii: "~"): return punctuation(.bangTilde, width: 2)
            default: return foreign("!", as: .keyword(.not), width: 1)
            }
        case "<":
            if next == UInt8(ascii: ">") { return foreign("<>", as: .punctuation(.bangEqual), width: 2) }
            return next == UInt8(ascii: "=") ? punctuation(.lessEqual, width: 2) : punctuation(.less, width: 1)
        case ">":
            return next == UInt8(ascii: "=") ? punctuation(.greaterEqual, width: 2) : punctuation(.greater, width: 1)
        case "&":
            if next == UInt8(ascii: "&") { return foreign("&&", as: .keyword(.and), width: 2) }
            return foreign("&", as: .keyword(.and), width: 1)
        case "?":
            if next == UInt8(ascii: "?") { return punctuation(.questionQuestion, width: 2) }
            if next == UInt8(ascii: ".") {
                advance(2)
                report(
                    .optionalChaining, SourceRange(start: start, end: offset),
                    fixIt: .init(range: SourceRange(start: start, end: offset), replacement: "."))
                return token(.punctuation(.dot), from: start)
            }
        case "/":
            if next == UInt8(ascii: "/") { return lexDoubleSlash() }
            return punctuation(.slash, width: 1)
        case "+": return punctuation(.plus, width: 1)
        case "-": return punctuation(.minus, width: 1)
        case "*": return punctuation(.star, width: 1)
        case "%": return punctuation(.percent, width: 1)
        case ".": return punctuation(.dot, width: 1)
        case ",": return punctuation(.comma, width: 1)
        case ":": return punctuation(.colon, width: 1)
        case ";": return punctuation(.semicolon, width: 1)
        case "(": return punctuation(.leftParen, width: 1)
        case ")": return punctuation(.rightParen, width: 1)
        case "[": return punctuation(.leftBracket, width: 1)
        case "]": return punctuation(.rightBracket, width: 1)
        case "{": return punctuation(.leftBrace, width: 1)
        case "}": return punctuation(.rightBrace, width: 1)
        default: break
        }
        advance()
        let character = text(start, offset)
        let repeats = skipRepeats(of: start)
        report(
            .unexpectedCharacter(character), SourceRange(start: start, end: offset),
            notes: (Self.hint(forUnexpected: character).map { [.init($0)] } ?? []) + Self.repeatNote(repeats))
        return token(.error, from: start)
    }

    private mutating func punctuation(_ p: Punctuation, width: Int) -> Token {
        let start = offset
        advance(width)
        return token(.punctuation(p), from: start)
    }

    /// An operator from another language: reported, then read as the cq spelling
    /// so that parsing continues as the author meant.
    private mutating func foreign(_ written: String, as kind: TokenKind, width: Int) -> Token {
        let start = offset
        advance(width)
        let range = SourceRange(start: start, end: offset)
        let spelling: String
        switch kind {
        case .keyword(let keyword): spelling = keyword.rawValue
        case .punctuation(let p): spelling = p.rawValue
        default: spelling = written
        }
        report(
            .foreignOperator(written: written, cqSpelling: spelling), range,
            fixIt: .init(range: range, replacement: spelling))
        return token(kind, from: start)
    }

    /// `//`: a C-style comment at the start of a line, jq's alternative operator elsewhere.
    private mutating func lexDoubleSlash() -> Token {
        let start = offset
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let onlyWhitespaceBefore = bytes[lineStart..<start].allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t")
        }
        guard onlyWhitespaceBefore else {
            return foreign("//", as: .punctuation(.questionQuestion), width: 2)
        }
        report(
            .slashComment, SourceRange(start: start, end: start + 2),
            fixIt: .init(range: SourceRange(start: start, end: start + 2), replacement: "#"))
        return commentToken(from: start)
    }

    private static func hint(forUnexpected character: String) -> String? {
        switch character {
        case "?": "`??` gives a default value: `a ?? b`"
        case "\\": "backslash escapes are only valid inside strings"
        case "~": "regular expressions match with `=~` and `!~`"
        case "@", "^": "cq has no `\(character)` operator"
        default: nil
        }
    }
}
