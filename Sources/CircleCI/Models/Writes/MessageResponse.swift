import Foundation

/// A response that carries only a human-readable message (cancel and approve operations).
public struct MessageResponse: Codable, Sendable, Hashable {
    /// A human-readable message
    public var message: String

    /// Creates a `MessageResponse` from its fields.
    public init(message: String) {
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case message
    }
}
