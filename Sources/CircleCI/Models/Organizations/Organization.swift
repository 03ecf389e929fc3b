import Foundation

/// An organization (`getOrganization`).
public struct Organization: Codable, Sendable, Hashable {
    /// The unique ID of the organization.
    public var id: String
    /// The name of the organization.
    public var name: String
    /// Org slug in the form `vcs-slug/org-name`. For projects that use GitLab or GitHub App, use
    /// `circleci` as the `vcs-slug` and replace the `org-name` with the organization ID (found in
    /// Organization Settings).
    public var slug: String
    /// The version control system type for the organization.
    public var vcsType: OrganizationVCSType

    /// Creates an `Organization` from its fields.
    public init(id: String, name: String, slug: String, vcsType: OrganizationVCSType) {
        self.id = id
        self.name = name
        self.slug = slug
        self.vcsType = vcsType
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case slug
        case vcsType = "vcs_type"
    }
}
