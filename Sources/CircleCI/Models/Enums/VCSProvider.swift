import Foundation

/// The VCS provider of a project (`Project.vcs_info.provider`).
public struct VCSProvider: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `Bitbucket`.
    public static let bitbucket: Self = "Bitbucket"
    /// `CircleCI`.
    public static let circleci: Self = "CircleCI"
    /// `GitHub`.
    public static let github: Self = "GitHub"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.bitbucket, .circleci, .github]
}
