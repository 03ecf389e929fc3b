import Foundation

/// A status that satisfies a job dependency (the values of `Job.requires`).
public struct DependencyStatus: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `success`.
    public static let success: Self = "success"
    /// `not_run`.
    public static let notRun: Self = "not_run"
    /// `failed`.
    public static let failed: Self = "failed"
    /// `canceled`.
    public static let canceled: Self = "canceled"
    /// `unauthorized`.
    public static let unauthorized: Self = "unauthorized"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.success, .notRun, .failed, .canceled, .unauthorized]
}
