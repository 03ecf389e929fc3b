import Foundation

/// An organization slug: `gh/acme`, `github/acme`, `bb/acme`, `bitbucket/acme`
/// or `circleci/<org-id>`, for organization-level endpoints.
public struct OrgSlug: Sendable, Hashable, CustomStringConvertible {
    /// The VCS prefix, lowercased.
    public var vcs: String
    /// The organization name, or its ID for `circleci/` slugs.
    public var organization: String

    /// Parses a slug such as `gh/acme`.
    ///
    /// - Throws: ``CircleCIError`` of kind ``CircleCIError/Kind/invalidArgument``.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw CircleCIError.invalidArgument(
                "organization slug `\(trimmed)` needs two parts: vcs/org, e.g. gh/acme or circleci/<org-id>")
        }
        try ProjectSlug.checkVCS(parts[0].lowercased(), in: trimmed, kind: "organization")
        self.init(validatedVCS: parts[0].lowercased(), organization: parts[1])
    }

    init(validatedVCS vcs: String, organization: String) {
        self.vcs = vcs
        self.organization = organization
    }

    /// The slug as text, e.g. `gh/acme`.
    public var description: String { "\(vcs)/\(organization)" }

    /// The slug for a request path: a raw `/` separator, each part percent-encoded.
    var pathComponent: String {
        "\(PathSegment.encode(vcs))/\(PathSegment.encode(organization))"
    }
}
