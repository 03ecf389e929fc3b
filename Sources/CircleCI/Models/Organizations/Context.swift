import Foundation

/// A context: a named set of environment variables shared by projects (`listContexts`,
/// `getContext`).
public struct Context: Codable, Sendable, Hashable {
    /// The unique ID of the context.
    public var id: String
    /// The user defined name of the context.
    public var name: String
    /// The date and time the context was created.
    public var createdAt: Date

    /// Creates a `Context` from its fields.
    public init(id: String, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case createdAt = "created_at"
    }
}
