import Foundation

/// A project slug: `gh/org/repo`, `github/…`, `bb/…`, `bitbucket/…`, or
/// `circleci/<org-id>/<project-id>` for GitHub App, GitLab and Bitbucket Data
/// Center projects.
///
/// Parsing checks the shape and names the fix when it is wrong. In request
/// paths the two `/` separators stay raw and anything inside a segment that is
/// not URL-safe is percent-encoded.
public struct ProjectSlug: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The VCS prefix as given, lowercased: `gh`, `github`, `bb`, `bitbucket` or `circleci`.
    public var vcs: String
    /// The organization name, or the organization ID for `circleci/` slugs.
    public var organization: String
    /// The repository name, or the project ID for `circleci/` slugs.
    public var repository: String

    /// The VCS prefixes the API accepts.
    public static let vcsPrefixes = ["gh", "github", "bb", "bitbucket", "circleci"]

    /// Parses a slug such as `gh/acme/api`.
    ///
    /// - Throws: ``CircleCIError`` of kind ``CircleCIError/Kind/invalidArgument``
    ///   saying what is wrong, e.g. "project slug `gh/onlyorg` needs three parts:
    ///   vcs/org/repo, e.g. gh/acme/api".
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw CircleCIError.invalidArgument(
                "project slug `\(trimmed)` needs three parts: vcs/org/repo, e.g. gh/acme/api"
                    + (parts.first.map { ["gl", "gitlab"].contains($0.lowercased()) } == true
                        ? "; GitLab projects use circleci/<org-id>/<project-id>" : ""))
        }
        try self.init(vcs: parts[0], organization: parts[1], repository: parts[2])
    }

    /// Creates a slug from its parts.
    ///
    /// - Throws: ``CircleCIError`` of kind ``CircleCIError/Kind/invalidArgument``
    ///   for an unknown VCS or an empty part.
    public init(vcs: String, organization: String, repository: String) throws {
        let vcs = vcs.lowercased()
        let text = "\(vcs)/\(organization)/\(repository)"
        try Self.checkVCS(vcs, in: text, kind: "project")
        guard !organization.isEmpty, !repository.isEmpty else {
            throw CircleCIError.invalidArgument("project slug `\(text)` needs three parts: vcs/org/repo, e.g. gh/acme/api")
        }
        self.vcs = vcs
        self.organization = organization
        self.repository = repository
    }

    /// The slug as text, e.g. `gh/acme/api`.
    public var description: String { "\(vcs)/\(organization)/\(repository)" }

    /// The organization's slug, e.g. `gh/acme`.
    public var orgSlug: OrgSlug { OrgSlug(validatedVCS: vcs, organization: organization) }

    /// The slug for a request path: raw `/` separators, each part percent-encoded.
    var pathComponent: String {
        "\(PathSegment.encode(vcs))/\(PathSegment.encode(organization))/\(PathSegment.encode(repository))"
    }

    /// The slug for API v1.1 paths, which spell the VCS in full (`github`, `bitbucket`).
    var v1PathComponent: String {
        let full = ["gh": "github", "bb": "bitbucket"][vcs] ?? vcs
        return "\(full)/\(PathSegment.encode(organization))/\(PathSegment.encode(repository))"
    }

    static func checkVCS(_ vcs: String, in text: String, kind: String) throws {
        guard vcsPrefixes.contains(vcs) else {
            if vcs == "gl" || vcs == "gitlab" {
                throw CircleCIError.invalidArgument(
                    "\(kind) slug `\(text)`: there is no `\(vcs)/` prefix; GitLab projects use "
                        + "circleci/<org-id>/<project-id> (the IDs are in the organization and project settings)")
            }
            throw CircleCIError.invalidArgument(
                "\(kind) slug `\(text)` starts with unknown VCS `\(vcs)`; use gh, github, bb, bitbucket or circleci")
        }
    }

    /// Decodes a slug from its text.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch let error as CircleCIError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.summary, underlyingError: error))
        }
    }

    /// Encodes the slug as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
