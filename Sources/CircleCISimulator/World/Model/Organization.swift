import Foundation

/// The VCS integration an organisation uses; it decides the slug prefix.
enum VCSType: String, Sendable, Hashable {
    case github, bitbucket, circleci

    /// The short slug prefix: `gh`, `bb`, or `circleci`.
    var slugPrefix: String {
        switch self {
        case .github: "gh"
        case .bitbucket: "bb"
        case .circleci: "circleci"
        }
    }

    /// The `vcs_info.provider` spelling.
    var providerName: String {
        switch self {
        case .github: "GitHub"
        case .bitbucket: "Bitbucket"
        case .circleci: "CircleCI"
        }
    }

    /// The v1.1 path segment (`github`, `bitbucket`).
    var longName: String { rawValue }
}

struct Organization: Sendable, Hashable {
    let id: UUID
    /// The VCS login, e.g. `acme`; for `circleci` orgs a display name.
    let name: String
    let vcsType: VCSType
    /// `gh/acme`, or `circleci/<org-id>`.
    let slug: String
    let avatarURL: String
}

struct User: Sendable, Hashable {
    let id: UUID
    let login: String
    let name: String
    let avatarURL: String?
}
