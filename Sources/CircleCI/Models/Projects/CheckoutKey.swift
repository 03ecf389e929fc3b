import Foundation

/// An SSH key CircleCI uses to check out a project (`listCheckoutKeys`, `getCheckoutKey`).
public struct CheckoutKey: Codable, Sendable, Hashable {
    /// A public SSH key.
    public var publicKey: String
    /// The type of checkout key. This may be either `deploy-key` or `github-user-key`.
    public var type: CheckoutKeyType
    /// An SSH key fingerprint.
    public var fingerprint: String
    /// A boolean value that indicates if this key is preferred.
    public var preferred: Bool
    /// The date and time the checkout key was created.
    public var createdAt: Date

    /// Creates a `CheckoutKey` from its fields.
    public init(
        publicKey: String,
        type: CheckoutKeyType,
        fingerprint: String,
        preferred: Bool,
        createdAt: Date
    ) {
        self.publicKey = publicKey
        self.type = type
        self.fingerprint = fingerprint
        self.preferred = preferred
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case publicKey = "public-key"
        case type
        case fingerprint
        case preferred
        case createdAt = "created-at"
    }
}
