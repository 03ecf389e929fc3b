import Foundation

/// The name of an environment variable in a context; values are never returned
/// (`listEnvironmentVariablesFromContext`).
public struct ContextEnvironmentVariable: Codable, Sendable, Hashable {
    /// The name of the environment variable
    public var variable: String
    /// The date and time the environment variable was created.
    public var createdAt: Date
    /// The date and time the environment variable was updated
    public var updatedAt: Date
    /// ID of the context (UUID)
    public var contextID: String

    /// Creates a `ContextEnvironmentVariable` from its fields.
    public init(variable: String, createdAt: Date, updatedAt: Date, contextID: String) {
        self.variable = variable
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.contextID = contextID
    }

    enum CodingKeys: String, CodingKey {
        case variable
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case contextID = "context_id"
    }
}
