import Foundation

/// The type of a job (`Job.type`).
public struct JobType: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `build`.
    public static let build: Self = "build"
    /// `approval`.
    public static let approval: Self = "approval"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.build, .approval]
}
