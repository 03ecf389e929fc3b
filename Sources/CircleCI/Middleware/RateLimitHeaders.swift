import Foundation
import HTTPTypes

/// Reads CircleCI's rate-limit response headers.
///
/// `Retry-After` is seconds or an HTTP date. `RateLimit-Remaining` /
/// `X-RateLimit-Remaining` count the requests left, and `RateLimit-Reset` /
/// `X-RateLimit-Reset` give the seconds until the window resets (a value that
/// looks like a Unix time is read as one). When both families are present the
/// stricter one wins, as CircleCI enforces the lower limit.
enum RateLimitHeaders {
    static let remainingFields = [HTTPField.Name("RateLimit-Remaining")!, HTTPField.Name("X-RateLimit-Remaining")!]
    static let resetFields = [HTTPField.Name("RateLimit-Reset")!, HTTPField.Name("X-RateLimit-Reset")!]

    /// How long `Retry-After` asks to wait, if the header is present and valid.
    static func retryAfter(_ response: HTTPResponse, now: Date) -> Duration? {
        guard let value = response.headerFields[.retryAfter]?.trimmingCharacters(in: .whitespaces) else {
            return nil
        }
        if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
            return .seconds(seconds)
        }
        guard let date = parseHTTPDate(value) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now)))
    }

    /// How long to pause before the next request: the reset time when no
    /// request is left in the window, otherwise `nil`.
    static func pause(_ response: HTTPResponse, now: Date) -> Duration? {
        let exhausted = remainingFields.contains { name in
            response.headerFields[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } == 0
        }
        guard exhausted else { return nil }
        let resets = resetFields.compactMap { name -> Double? in
            guard let text = response.headerFields[name], let value = Double(text.trimmingCharacters(in: .whitespaces)),
                value.isFinite, value >= 0
            else { return nil }
            return value > 1_000_000_000 ? max(0, value - now.timeIntervalSince1970) : value
        }
        return resets.max().map { .seconds($0) }
    }

    /// Parses an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func parseHTTPDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT" else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
            let year = Int(parts[3]), clock.count == 3
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(
            year: year, month: monthIndex + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
        return calendar.date(from: components)
    }
}
