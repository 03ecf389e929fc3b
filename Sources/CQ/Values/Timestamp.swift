import Foundation

/// Parsing and formatting of timestamps: ISO 8601 in UTC.
public enum Timestamp {
    /// Parses `2026-11-20T12:00:00Z`, with fractional seconds or an offset,
    /// `2026-11-20T12:00` (UTC), or a date alone (`2026-11-20`, midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10 else { return nil }
        for strategy in strategies {
            if let date = try? Date(trimmed, strategy: strategy) { return date }
        }
        if trimmed.count == 16, let date = try? Date(trimmed + ":00Z", strategy: strategies[1]) {
            return date
        }
        return nil
    }

    /// Formats as `2026-11-20T12:00:00Z`, adding milliseconds only when present.
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        if seconds.rounded(.down) == seconds {
            return date.formatted(strategies[1])
        }
        return date.formatted(strategies[0])
    }

    /// Formats for tables: `2026-11-20 12:00:00` (UTC).
    public static func formatCompact(_ date: Date) -> String {
        var text = date.formatted(strategies[1])
        if text.hasSuffix("Z") { text.removeLast() }
        return text.replacingOccurrences(of: "T", with: " ")
    }

    private static let strategies: [Date.ISO8601FormatStyle] = [
        Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt),
        Date.ISO8601FormatStyle(timeZone: .gmt),
        Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day(),
    ]
}
