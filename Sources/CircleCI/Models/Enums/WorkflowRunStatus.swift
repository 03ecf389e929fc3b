import Foundation

/// The status of a finished workflow run in Insights (`WorkflowRun.status`).
public struct WorkflowRunStatus: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `success`.
    public static let success: Self = "success"
    /// `failed`.
    public static let failed: Self = "failed"
    /// `error`.
    public static let error: Self = "error"
    /// `canceled`.
    public static let canceled: Self = "canceled"
    /// `unauthorized`.
    public static let unauthorized: Self = "unauthorized"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.success, .failed, .error, .canceled, .unauthorized]
}
