import Foundation

/// A project (`getProjectBySlug`).
///
/// The API may answer with a different slug form than the one asked for; key caches on ``id``.
public struct Project: Codable, Sendable, Hashable {
    /// Project slug in the form `vcs-slug/org-name/repo-name`. The `/` characters may be URL-
    /// escaped. For projects that use GitLab or GitHub App, use `circleci` as the `vcs-slug`,
    /// replace `org-name` with the organization ID (found in Organization Settings), and replace
    /// `repo-name` with the project ID (found in Project Settings).
    public var slug: String
    /// The name of the project
    public var name: String
    /// The unique ID.
    public var id: String
    /// The name of the organization the project belongs to
    public var organizationName: String
    /// The slug of the organization the project belongs to
    public var organizationSlug: String
    /// The id of the organization the project belongs to
    public var organizationID: String
    /// Information about the VCS that hosts the project source code.
    public var vcsInfo: VCSInfo

    /// Creates a `Project` from its fields.
    public init(
        slug: String,
        name: String,
        id: String,
        organizationName: String,
        organizationSlug: String,
        organizationID: String,
        vcsInfo: VCSInfo
    ) {
        self.slug = slug
        self.name = name
        self.id = id
        self.organizationName = organizationName
        self.organizationSlug = organizationSlug
        self.organizationID = organizationID
        self.vcsInfo = vcsInfo
    }

    enum CodingKeys: String, CodingKey {
        case slug
        case name
        case id
        case organizationName = "organization_name"
        case organizationSlug = "organization_slug"
        case organizationID = "organization_id"
        case vcsInfo = "vcs_info"
    }
}

extension Project {
    /// Information about the VCS that hosts the project source code.
    public struct VCSInfo: Codable, Sendable, Hashable {
        /// URL to the repository hosting the project's code
        public var vcsURL: String
        /// The VCS provider
        public var provider: VCSProvider
        /// The project's default branch.
        public var defaultBranch: String

        /// Creates a `VCSInfo` from its fields.
        public init(vcsURL: String, provider: VCSProvider, defaultBranch: String) {
            self.vcsURL = vcsURL
            self.provider = provider
            self.defaultBranch = defaultBranch
        }

        enum CodingKeys: String, CodingKey {
            case vcsURL = "vcs_url"
            case provider
            case defaultBranch = "default_branch"
        }
    }
}
