import Foundation

/// An organization the current user belongs to (`getCollaborations`).
public struct Collaboration: Codable, Sendable, Hashable {
    /// The UUID of the organization
    @ExplicitNull public var id: String?
    /// The VCS provider
    public var vcsType: String
    /// The name of the organization
    public var name: String
    /// URL to the user's avatar on the VCS
    public var avatarURL: String
    /// The slug of the organization
    public var slug: String

    /// Creates a `Collaboration` from its fields.
    public init(id: String? = nil, vcsType: String, name: String, avatarURL: String, slug: String) {
        self.id = id
        self.vcsType = vcsType
        self.name = name
        self.avatarURL = avatarURL
        self.slug = slug
    }

    enum CodingKeys: String, CodingKey {
        case id
        case vcsType = "vcs-type"
        case name
        case avatarURL = "avatar_url"
        case slug
    }
}
