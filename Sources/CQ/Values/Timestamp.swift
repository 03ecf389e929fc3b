import Foundation
internal import JSONCore

/// Parsing and formatting of timestamps: ISO 8601 in UTC (the shared codec of
/// JSONCore, which the client and the simulator use too).
public enum Timestamp {
    /// Parses `2026-11-20T12:00:00Z`, with fractional seconds or an offset,
    /// `2026-11-20T12:00` (UTC), or a date alone (`2026-11-20`, midnight UTC).
    public static func parse(_ text: String) -> Date? {
        ISO8601Timestamp.parse(text)
    }

    /// Formats as `2026-11-20T12:00:00Z`, adding milliseconds only when present.
    public static func format(_ date: Date) -> String {
        ISO8601Timestamp.format(date)
    }

    /// Formats for tables: `2026-11-20 12:00:00` (UTC, whole seconds).
    public static func formatCompact(_ date: Date) -> String {
        let seconds = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        var text = ISO8601Timestamp.format(seconds)
        text.removeLast()
        return text.replacingOccurrences(of: "T", with: " ")
    }
}
