#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// ISO 8601 / RFC 3339 timestamps in UTC: one parser and one formatter for
/// the client, the simulator and the language, without locale-dependent
/// formatters, so output is identical on every machine.
public enum ISO8601Timestamp {
    /// When ``format(_:fraction:)`` writes milliseconds.
    public enum Fraction: Sendable, Hashable {
        /// Only when the time has them: `…T12:00:00Z`, `…T12:00:00.250Z`.
        case whenPresent
        /// Always: `…T12:00:00.000Z`.
        case always
    }

    /// Formats `date` as `2026-11-20T12:00:00Z` in UTC, with milliseconds as
    /// `fraction` says. By default the date is rounded to the nearest
    /// millisecond, so a parsed timestamp formats back to the same text;
    /// `rounding` can truncate instead (what the simulator's recorded
    /// responses were written with).
    public static func format(
        _ date: Date, fraction: Fraction = .whenPresent, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero
    ) -> String {
        let totalMillis = Int((date.timeIntervalSince1970 * 1000).rounded(rounding))
        let millis = ((totalMillis % 1000) + 1000) % 1000
        let seconds = (totalMillis - millis) / 1000
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if millis != 0 || fraction == .always { text += "." + pad(millis, 3) }
        return text + "Z"
    }

    /// Parses an ISO 8601 timestamp:
    ///
    /// - `2026-11-20`: midnight UTC;
    /// - `2026-11-20T12:00`, `2026-11-20T12:00:00`, with any number of
    ///   fractional digits (`12:00:00.123`), `T`, `t` or a space between date and time;
    /// - a zone `Z`, `+02:00`, `+0200` or `+02`; none means UTC.
    ///
    /// Surrounding spaces are ignored. Returns `nil` for anything else,
    /// including dates that do not exist (`2026-02-30`).
    public static func parse(_ text: some StringProtocol) -> Date? {
        var text = String(text)
        return text.withUTF8 { parse(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// ``parse(_:)`` of UTF-8 bytes.
    public static func parse(utf8 bytes: UnsafeRawBufferPointer) -> Date? {
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpaces()
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.digits(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = days(fromYear: year, month: month, day: day) * 86_400
        var fraction = 0.0
        if let separator = scanner.peek, separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == UInt8(ascii: " ") && scanner.isDigit(at: 1))
        {
            scanner.index += 1
            guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")), let minute = scanner.digits(2),
                hour < 24, minute < 60
            else { return nil }
            seconds += hour * 3600 + minute * 60
            if scanner.take(UInt8(ascii: ":")) {
                guard let second = scanner.digits(2), second <= 60 else { return nil }
                seconds += second
                if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
                    var numerator = 0
                    var denominator = 1
                    var any = false
                    while let digit = scanner.digit() {
                        if denominator < 1_000_000_000 {
                            numerator = numerator * 10 + digit
                            denominator *= 10
                        }
                        any = true
                    }
                    guard any else { return nil }
                    fraction = Double(numerator) / Double(denominator)
                }
            }
            guard let offset = scanner.zoneOffset() else { return nil }
            seconds -= offset
        }
        scanner.skipSpaces()
        guard scanner.isAtEnd else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(fromYear year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day of a number of days since 1970-01-01.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var isAtEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func isDigit(at offset: Int) -> Bool {
            index + offset < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + offset])
        }

        mutating func skipSpaces() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard isDigit(at: 0) else { return nil }
            defer { index += 1 }
            return Int(bytes[index] - UInt8(ascii: "0"))
        }

        mutating func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        /// Seconds east of UTC: `Z`, `±HH:MM`, `±HHMM`, `±HH`, or nothing (UTC).
        mutating func zoneOffset() -> Int? {
            guard let byte = peek else { return 0 }
            switch byte {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
                return 0
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                index += 1
                guard let hours = digits(2), hours < 24 else { return nil }
                var minutes = 0
                if take(UInt8(ascii: ":")) {
                    guard let value = digits(2) else { return nil }
                    minutes = value
                } else if let value = digits(2) {
                    minutes = value
                }
                guard minutes < 60 else { return nil }
                let offset = hours * 3600 + minutes * 60
                return byte == UInt8(ascii: "-") ? -offset : offset
            default:
                return 0
            }
        }
    }
}
