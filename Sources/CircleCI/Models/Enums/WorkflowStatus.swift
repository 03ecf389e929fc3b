import Foundation

/// The status of a workflow (`Workflow.status`).
public struct WorkflowStatus: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `success`.
    public static let success: Self = "success"
    /// `running`.
    public static let running: Self = "running"
    /// `not_run`.
    public static let notRun: Self = "not_run"
    /// `failed`.
    public static let failed: Self = "failed"
    /// `error`.
    public static let error: Self = "error"
    /// `failing`.
    public static let failing: Self = "failing"
    /// `on_hold`.
    public static let onHold: Self = "on_hold"
    /// `canceled`.
    public static let canceled: Self = "canceled"
    /// `unauthorized`.
    public static let unauthorized: Self = "unauthorized"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.success, .running, .notRun, .failed, .error, .failing, .onHold, .canceled, .unauthorized]

    /// Whether the workflow failed or is failing (`failed`, `error` or `failing`).
    public var isFailure: Bool {
        [.failed, .error, .failing].contains(self)
    }

    /// Whether the workflow has stopped and its status will not change.
    public var isFinished: Bool {
        [.success, .notRun, .failed, .error, .canceled, .unauthorized].contains(self)
    }
}
