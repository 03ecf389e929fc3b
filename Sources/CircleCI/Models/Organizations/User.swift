import Foundation

/// A CircleCI user (`getCurrentUser`, `getUser`, and a schedule's actor).
public struct User: Codable, Sendable, Hashable {
    /// URL to the user's avatar on the VCS
    @ExplicitNull public var avatarURL: String?
    /// The unique ID of the user.
    public var id: String
    /// The login information for the user on the VCS.
    public var login: String
    /// The name of the user.
    public var name: String

    /// Creates an `User` from its fields.
    public init(avatarURL: String? = nil, id: String, login: String, name: String) {
        self.avatarURL = avatarURL
        self.id = id
        self.login = login
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case avatarURL = "avatar_url"
        case id
        case login
        case name
    }
}
