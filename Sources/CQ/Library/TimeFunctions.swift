import Foundation

/// Functions on timestamps and durations.
enum TimeFunctions {
    private static let timestamp = Parameter("timestamp", .timestamp)

    static let all: [Builtin] = [
        .pure(
            "now", [], returns: .timestamp, summary: "The current time (fixed for the whole query).",
            examples: ["now()", "now() - 7d"]
        ) {
            .timestamp($0.context.now)
        },
        .pure(
            "ago", [Parameter("duration", .duration)], returns: .timestamp, summary: "The time that long before now.",
            examples: ["ago(7d)", "pipelines(\"gh/acme/api\") | where created_at > ago(7d) | count"]
        ) { invocation in
            guard case .duration(let duration)? = invocation["duration"] else {
                throw BuiltinError("ago needs a duration such as 7d or 12h")
            }
            return .timestamp(invocation.context.now.addingTimeInterval(-duration.seconds))
        },
        .pure(
            "date", [Parameter("text", .string)], returns: .timestamp,
            summary: "Parses an ISO 8601 date or date-time (UTC unless an offset is given).",
            examples: ["date(\"2026-11-01\")"]
        ) { invocation in
            guard let value = try invocation.timestamp("text") else { return .null }
            return value
        },
        .pure(
            "format_date", [timestamp, Parameter("format", .string)], returns: .string,
            summary: "Formats a timestamp in UTC with a pattern such as \"yyyy-MM-dd HH:mm\".",
            examples: [
                "format_date(date(\"2026-11-20\"), \"EEE d MMM\")",
                "pipelines(\"gh/acme/api\") | take 3 | map format_date(created_at, \"yyyy-MM-dd HH:mm\")",
            ]
        ) { invocation in
            guard case .timestamp(let date)? = try invocation.timestamp("timestamp") else { return .null }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = try invocation.requiredString("format")
            return .string(formatter.string(from: date))
        },
        .pure(
            "day", [timestamp], returns: .string, summary: "The UTC calendar day of a timestamp, as \"2026-11-20\".",
            examples: [
                "day(now())",
                "pipelines(\"gh/acme/api\") | take 20 | group by day: day(created_at) with pipelines: count()",
            ]
        ) { invocation in
            guard case .timestamp(let date)? = try invocation.timestamp("timestamp") else { return .null }
            return .string(String(Timestamp.format(date).prefix(10)))
        },
        .pure(
            "bin", [Parameter("value", .any), Parameter("size", .any)], returns: .any,
            summary: "Rounds a timestamp down to a multiple of a duration (or a number to a multiple of a number).",
            examples: [
                "bin(date(\"2026-11-20T10:42:00Z\"), 1h)", "bin(17, 5)",
                "pipelines(\"gh/acme/api\") | take 20 | group by hour: bin(created_at, 1h) with pipelines: count()",
            ]
        ) { invocation in
            let value =
                invocation["value"]?.numberValue != nil ? invocation["value"] : try invocation.timestamp("value")
            switch (value, invocation["size"]) {
            case (.timestamp(let date)?, .duration(let size)?):
                let step = size.seconds
                guard step > 0 else { throw BuiltinError("bin needs a positive size") }
                return .timestamp(
                    Date(timeIntervalSince1970: (date.timeIntervalSince1970 / step).rounded(.down) * step))
            default:
                guard let number = try invocation.number("value"), let size = try invocation.number("size"), size > 0
                else {
                    throw BuiltinError("bin needs a timestamp and a duration, or two numbers")
                }
                return .double((number / size).rounded(.down) * size)
            }
        },
        durationIn("seconds", 1),
        durationIn("minutes", 60),
        durationIn("hours", 3_600),
        .pure(
            "duration", [Parameter("seconds", .number)], returns: .duration,
            summary: "A duration of a number of seconds.", examples: ["duration(90)", "duration(0.25) * 4"]
        ) { invocation in
            guard let seconds = try invocation.number("seconds") else { return .null }
            return .duration(.seconds(fromDouble: seconds))
        },
    ]

    private static func durationIn(_ unit: String, _ size: Double) -> Builtin {
        .pure(
            unit, [Parameter("duration", .duration)], returns: .number, summary: "A duration as a number of \(unit).",
            examples: ["\(unit)(1h30m)"]
        ) { invocation in
            switch invocation["duration"] {
            case .duration(let duration)?: return .double(duration.seconds / size)
            case nil: return .null
            case let value?: throw invocation.typeError("duration", expected: "a duration", got: value)
            }
        }
    }
}
