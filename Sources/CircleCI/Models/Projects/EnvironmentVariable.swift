import Foundation

/// A project environment variable with its masked value (`listEnvVars`, `getEnvVar`).
///
/// ``createdAt`` is kept as text: the API has sent non-ISO values such as `#joda/inst
/// 2023-04-14T21:20:14+0000`.
public struct EnvironmentVariable: Codable, Sendable, Hashable {
    /// The name of the environment variable.
    public var name: String
    /// The value of the environment variable.
    public var value: String
    /// The creation timestamp of the environment variable.
    public var createdAt: String?

    /// Creates an `EnvironmentVariable` from its fields.
    public init(name: String, value: String, createdAt: String? = nil) {
        self.name = name
        self.value = value
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case name
        case value
        case createdAt = "created-at"
    }
}
