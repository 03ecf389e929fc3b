import Foundation

/// The version control system of an organization (`Organization.vcs_type`).
public struct OrganizationVCSType: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `github`.
    public static let github: Self = "github"
    /// `bitbucket`.
    public static let bitbucket: Self = "bitbucket"
    /// `circleci`.
    public static let circleci: Self = "circleci"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.github, .bitbucket, .circleci]
}
