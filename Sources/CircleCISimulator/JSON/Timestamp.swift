import Foundation

/// RFC 3339 timestamps in UTC, formatted and parsed without locale-dependent
/// formatters so output is identical on every machine.
enum Timestamp {
    /// `2026-08-24T11:55:22.123Z`.
    static func format(_ date: Date) -> String {
        let totalMillis = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let millis = ((totalMillis % 1000) + 1000) % 1000
        let seconds = (totalMillis - millis) / 1000
        let days = floorDiv(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
            + "." + pad(millis, 3) + "Z"
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
    static func parse(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count >= 10,
              let year = number(chars, 0, 4), chars[4] == UInt8(ascii: "-"),
              let month = number(chars, 5, 2), chars[7] == UInt8(ascii: "-"),
              let day = number(chars, 8, 2),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = days(fromYear: year, month: month, day: day) * 86_400
        if chars.count == 10 { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        guard chars.count >= 20, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
              let hour = number(chars, 11, 2), chars[13] == UInt8(ascii: ":"),
              let minute = number(chars, 14, 2), chars[16] == UInt8(ascii: ":"),
              let second = number(chars, 17, 2), hour < 24, minute < 60, second < 61
        else { return nil }
        seconds += hour * 3600 + minute * 60 + second
        var index = 19
        var fraction = 0.0
        if chars[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < chars.count, (48...57).contains(chars[index]) { index += 1 }
            guard index > start, let value = Double("0." + String(decoding: chars[start..<index], as: UTF8.self))
            else { return nil }
            fraction = value
        }
        guard let offset = zoneOffset(chars, from: index) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds - offset) + fraction)
    }

    private static func zoneOffset(_ chars: [UInt8], from index: Int) -> Int? {
        guard index < chars.count else { return nil }
        if chars[index] == UInt8(ascii: "Z") || chars[index] == UInt8(ascii: "z") {
            return index + 1 == chars.count ? 0 : nil
        }
        guard chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") else { return nil }
        let sign = chars[index] == UInt8(ascii: "+") ? 1 : -1
        let rest = Array(chars[(index + 1)...]).filter { $0 != UInt8(ascii: ":") }
        guard rest.count == 4, let hours = number(rest, 0, 2), let minutes = number(rest, 2, 2) else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static func number(_ chars: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= chars.count else { return nil }
        var value = 0
        for byte in chars[start..<start + length] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Howard Hinnant's days-from-civil algorithm.
    static func days(fromYear year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
