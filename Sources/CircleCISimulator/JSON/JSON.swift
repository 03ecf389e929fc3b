import Foundation
import JSONCore

/// The simulator renders every response through JSONCore's ordered ``JSON``
/// tree, so that the same world always produces byte-identical bodies: no
/// dictionary ordering, no locale, no `\/` escaping.
typealias JSON = JSONCore.JSON

extension JSON {
    /// How the simulator writes bodies: only the escapes JSON requires,
    /// integral doubles with a fraction (`3.0`), as CircleCI does.
    static let bodyOptions = JSONWriter.Options(escaping: .minimal, integralDoubles: .withFraction, nonFinite: .zero)

    /// Compact UTF-8 JSON text.
    func serializedData() -> Data {
        Data(serialized(options: Self.bodyOptions))
    }

    /// Parses a request body; `nil` when it is not a single well-formed JSON value.
    static func parse(_ data: Data) -> JSON? {
        try? parse(Array(data))
    }
}

// MARK: - Convenience constructors

extension JSON {
    /// A string, or `null` when `value` is nil.
    static func string(_ value: String?) -> JSON {
        value.map(JSON.string) ?? .null
    }

    /// An integer, or `null` when `value` is nil.
    static func int(_ value: Int?) -> JSON {
        value.map(JSON.int) ?? .null
    }

    /// A double, or `null` when `value` is nil.
    static func double(_ value: Double?) -> JSON {
        value.map(JSON.double) ?? .null
    }

    /// A lowercase UUID string, or `null`.
    static func uuid(_ value: UUID?) -> JSON {
        value.map { .string($0.lowercasedString) } ?? .null
    }

    /// An RFC 3339 timestamp in UTC with milliseconds, or `null`.
    static func date(_ value: Date?) -> JSON {
        value.map { .string(Timestamp.format($0)) } ?? .null
    }
}

/// RFC 3339 timestamps as the simulator writes them: UTC, always with
/// milliseconds (JSONCore's ``ISO8601Timestamp``, which the client reads with).
enum Timestamp {
    /// `2026-08-24T11:55:22.123Z`: milliseconds truncated, as the
    /// simulator's responses always were (their bytes are recorded).
    static func format(_ date: Date) -> String {
        ISO8601Timestamp.format(date, fraction: .always, rounding: .down)
    }

    /// Parses `YYYY-MM-DD` or a full timestamp.
    static func parse(_ text: String) -> Date? {
        ISO8601Timestamp.parse(text)
    }
}

extension UUID {
    /// The form CircleCI prints: lowercase with hyphens.
    var lowercasedString: String { uuidString.lowercased() }
}
