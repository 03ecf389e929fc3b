import Foundation

/// A workflow's tag (`Workflow.tag`).
public struct WorkflowTag: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `setup`.
    public static let setup: Self = "setup"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.setup]
}
