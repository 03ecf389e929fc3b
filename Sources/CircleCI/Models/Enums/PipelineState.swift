import Foundation

/// The state of a pipeline (`Pipeline.state`).
///
/// A pipeline's state is not its outcome: success and failure live in
/// ``WorkflowStatus`` and ``JobStatus``.
public struct PipelineState: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `created`.
    public static let created: Self = "created"
    /// `errored`.
    public static let errored: Self = "errored"
    /// `setup-pending`.
    public static let setupPending: Self = "setup-pending"
    /// `setup`.
    public static let setup: Self = "setup"
    /// `pending`.
    public static let pending: Self = "pending"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.created, .errored, .setupPending, .setup, .pending]
}
