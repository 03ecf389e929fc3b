import Foundation
import JSONCore

/// The JSON coders the client uses, for callers that decode or encode models
/// themselves (a cache, a simulator, a record converter).
///
/// Dates decode from ISO 8601 with or without fractional seconds and encode as
/// ISO 8601 in UTC, with milliseconds only when the date has them, as the API
/// writes them.
public enum CircleCIJSON {
    /// A decoder for API responses.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an ISO 8601 date, found \"\(text.prefix(40))\"")
            }
            return date
        }
        return decoder
    }

    /// An encoder that writes models back with the API's field names and date format.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatDate(date))
        }
        return encoder
    }

    /// Parses an ISO 8601 timestamp with or without fractional seconds
    /// (JSONCore's ``ISO8601Timestamp``, the one codec of cq).
    public static func parseDate(_ text: String) -> Date? {
        ISO8601Timestamp.parse(text)
    }

    /// Formats a date as ISO 8601 in UTC (`2024-05-01T12:00:00Z`, or
    /// `2024-05-01T12:00:00.123Z` when it has milliseconds).
    ///
    /// The date is rounded to the nearest millisecond, so a parsed timestamp
    /// formats back to the same text: `…:59.650Z` parses to a `Date` a hair
    /// below `.650`, which a truncating formatter would write as `.649`.
    public static func formatDate(_ date: Date) -> String {
        ISO8601Timestamp.format(date)
    }
}
