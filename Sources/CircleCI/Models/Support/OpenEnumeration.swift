import Foundation

/// A string enumeration from the API that tolerates values it does not know.
///
/// CircleCI adds enum values over time (`invalid-trigger-setup`, `trigger-rule`,
/// …), so every enumerated field is a struct over its raw string: a new value
/// decodes instead of failing, ``isKnown`` tells whether it is one this client
/// was written against, and encoding writes back the exact raw string.
///
/// Compare with the static members (`workflow.status == .failed`) or with a
/// string literal (`workflow.status == "failed"`).
public protocol OpenEnumeration: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String {
    /// Creates a value from its raw string; never fails.
    init(rawValue: String)
    /// The values the API document lists, in the document's order.
    static var knownValues: [Self] { get }
}

extension OpenEnumeration {
    /// Creates a value from a string literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// The raw string, exactly as the API sends it.
    public var description: String { rawValue }

    /// Whether the API document lists this value.
    public var isKnown: Bool { Self.knownValues.contains(self) }

    /// Decodes the raw string; an unlisted value is kept, not rejected.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the raw string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
