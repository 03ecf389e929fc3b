import Foundation

/// A chunk of a step's log, an item of the JSON array behind ``StepAction/outputURL``.
public struct StepOutput: Codable, Sendable, Hashable {
    /// The text, with ANSI escapes as the job printed them.
    public var message: String
    /// When the chunk was written.
    @ExplicitNull public var time: Date?
    /// Whether CircleCI cut the output short.
    @ExplicitNull public var truncated: Bool?
    /// The stream: `out` or `err`.
    public var type: String

    /// Creates an output chunk from its fields.
    public init(message: String, time: Date? = nil, truncated: Bool? = nil, type: String) {
        self.message = message
        self.time = time
        self.truncated = truncated
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case message
        case time
        case truncated
        case type
    }
}
