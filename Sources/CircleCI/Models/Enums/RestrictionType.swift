import Foundation

/// The type of a context restriction (`ContextRestriction.restriction_type`).
public struct RestrictionType: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `project`.
    public static let project: Self = "project"
    /// `expression`.
    public static let expression: Self = "expression"
    /// `group`.
    public static let group: Self = "group"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.project, .expression, .group]
}
