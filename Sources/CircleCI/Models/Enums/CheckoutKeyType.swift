import Foundation

/// The type of a checkout key (`CheckoutKey.type`).
public struct CheckoutKeyType: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `deploy-key`.
    public static let deployKey: Self = "deploy-key"
    /// `github-user-key`.
    public static let githubUserKey: Self = "github-user-key"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.deployKey, .githubUserKey]
}
