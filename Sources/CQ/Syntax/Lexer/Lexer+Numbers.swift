extension Lexer {
    /// Lexes `42`, `1_000`, `3.14`, `2.5e3` or a duration such as `1h30m`.
    mutating func lexNumber() -> Token {
        let start = offset
        scanDigits()
        var isDouble = false
        if peek(is: "."), let next = peek(1), Self.isDigit(next) {
            advance()
            scanDigits()
            isDouble = true
        }
        if peek(is: "e") || peek(is: "E") {
            let signed = peek(is: "+", 1) || peek(is: "-", 1)
            if let digit = peek(signed ? 2 : 1), Self.isDigit(digit) {
                advance(signed ? 2 : 1)
                scanDigits()
                isDouble = true
            }
        }
        let numberEnd = offset
        if let (scalar, _) = scalar(at: offset), Self.isIdentifierContinue(scalar) {
            scanIdentifierTail()
            return isDouble ? fractionalDurationOrMalformed(start, numberEnd) : lexDuration(from: start)
        }
        let spelling = text(start, offset)
        if spelling.hasSuffix("_") {
            report(
                .malformedNumber(spelling), SourceRange(start: start, end: offset),
                notes: [.init("`_` may only separate digits")])
            return token(.error, from: start)
        }
        let digits = spelling.filter { $0 != "_" }
        if isDouble {
            guard let value = Double(digits), value.isFinite else {
                report(.numberTooLarge(spelling, isFloat: true), SourceRange(start: start, end: offset))
                return token(.error, from: start)
            }
            return token(.double(value), from: start)
        }
        guard let value = Int(digits) else {
            report(.numberTooLarge(spelling, isFloat: false), SourceRange(start: start, end: offset))
            return token(.error, from: start)
        }
        return token(.integer(value), from: start)
    }

    private mutating func scanDigits() {
        while let byte = peek(), Self.isDigit(byte) || byte == UInt8(ascii: "_") { advance() }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The bytes from `start` to the cursor are digits followed by letters:
    /// one or more `<integer><unit>` segments. Unit spellings from other tools
    /// (`sec`, `hrs`, `days`) are reported with a fix-it and read as meant.
    private mutating func lexDuration(from start: Int) -> Token {
        let range = SourceRange(start: start, end: offset)
        let spelling = text(start, offset)
        let segments = Self.durationSegments(spelling).compactMap { $0 }
        guard segments.count == Self.durationSegments(spelling).count else {
            report(.malformedNumber(spelling), range, notes: [.init(Self.durationHelp)])
            return token(.error, from: start)
        }
        if let unknown = segments.first(where: { Self.durationUnits[$0.unit] == nil }) {
            var notes = [Diagnostic.Note(Self.durationHelp)]
            if ["mo", "month", "months", "y", "yr", "year", "years"].contains(unknown.unit) {
                notes.append(.init("months and years have no fixed length; use days"))
            }
            let fixed = segments.map { segment in
                Self.durationUnits[segment.unit] != nil ? segment.unit : Self.durationAliases[segment.unit]
            }
            let fixIt = fixed.allSatisfy { $0 != nil }
                ? Diagnostic.FixIt(
                    range: range,
                    replacement: zip(segments, fixed).map { "\($0.count)\($1 ?? "")" }.joined())
                : nil
            report(.unknownDurationUnit(unknown.unit), range, notes: notes, fixIt: fixIt)
            guard fixIt != nil else { return token(.error, from: start) }
        }
        var total: Int64 = 0
        for segment in segments {
            let unit = Self.durationUnits[segment.unit] ?? Self.durationAliases[segment.unit].flatMap { Self.durationUnits[$0] } ?? 0
            let (product, overflow1) = segment.count.multipliedReportingOverflow(by: unit)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            if overflow1 || overflow2 {
                report(.durationTooLarge, range)
                return token(.error, from: start)
            }
            total = sum
        }
        return token(.duration(milliseconds: total), from: start)
    }

    /// `1.5h`: suggests the whole-unit spelling when the letters are units.
    private mutating func fractionalDurationOrMalformed(_ start: Int, _ numberEnd: Int) -> Token {
        let range = SourceRange(start: start, end: offset)
        let unit = text(numberEnd, offset)
        let number = Double(text(start, numberEnd).filter { $0 != "_" })
        if let multiplier = Self.durationUnits[unit], let number {
            let milliseconds = number * Double(multiplier)
            if milliseconds.isFinite, milliseconds.rounded() == milliseconds, abs(milliseconds) < 1e15 {
                let canonical = DurationFormat.canonical(milliseconds: Int64(milliseconds))
                report(
                    .fractionalDuration, range, notes: [.init("write `\(canonical)`")],
                    fixIt: .init(range: range, replacement: canonical))
                return token(.duration(milliseconds: Int64(milliseconds)), from: start)
            }
            report(.fractionalDuration, range, notes: [.init("combine units instead, e.g. `1h30m`")])
            return token(.error, from: start)
        }
        report(.malformedNumber(text(start, offset)), range)
        return token(.error, from: start)
    }

    /// One `<count><unit>` piece of a duration.
    struct DurationSegment {
        var count: Int64
        var unit: String
    }

    /// Splits `1h30m` into segments; a `nil` element marks a malformed piece.
    static func durationSegments(_ spelling: String) -> [DurationSegment?] {
        var segments: [DurationSegment?] = []
        var scalars = spelling.unicodeScalars[...]
        while !scalars.isEmpty {
            let digits = scalars.prefix { ("0"..."9").contains($0) || $0 == "_" }
            scalars = scalars.dropFirst(digits.count)
            let letters = scalars.prefix { !("0"..."9").contains($0) && $0 != "_" }
            scalars = scalars.dropFirst(letters.count)
            let digitText = String(String.UnicodeScalarView(digits))
            guard !digitText.isEmpty, !letters.isEmpty, !digitText.hasSuffix("_"),
                let count = Int64(digitText.filter { $0 != "_" })
            else { return [nil] }
            segments.append(DurationSegment(count: count, unit: String(String.UnicodeScalarView(letters))))
        }
        return segments
    }

    /// Milliseconds per duration unit.
    static let durationUnits: [String: Int64] = [
        "ms": 1, "s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000,
    ]

    /// Spellings from other tools, mapped to cq's unit.
    static let durationAliases: [String: String] = [
        "msec": "ms", "msecs": "ms", "millis": "ms",
        "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "min": "m", "mins": "m", "minute": "m", "minutes": "m",
        "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
        "day": "d", "days": "d",
        "wk": "w", "wks": "w", "week": "w", "weeks": "w",
    ]

    static let durationHelp = "duration units are `ms`, `s`, `m`, `h`, `d` and `w`, e.g. `30s`, `1h30m`, `7d`"
}
