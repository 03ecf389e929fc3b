import Foundation

/// The status of a job (`Job.status`, `JobDetails.status`).
public struct JobStatus: OpenEnumeration {
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
    /// `retried`.
    public static let retried: Self = "retried"
    /// `queued`.
    public static let queued: Self = "queued"
    /// `not_running`.
    public static let notRunning: Self = "not_running"
    /// `infrastructure_fail`.
    public static let infrastructureFail: Self = "infrastructure_fail"
    /// `timedout`.
    public static let timedout: Self = "timedout"
    /// `on_hold`.
    public static let onHold: Self = "on_hold"
    /// `terminated-unknown`.
    public static let terminatedUnknown: Self = "terminated-unknown"
    /// `blocked`.
    public static let blocked: Self = "blocked"
    /// `canceled`.
    public static let canceled: Self = "canceled"
    /// `unauthorized`.
    public static let unauthorized: Self = "unauthorized"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.success, .running, .notRun, .failed, .retried, .queued, .notRunning, .infrastructureFail, .timedout, .onHold, .terminatedUnknown, .blocked, .canceled, .unauthorized]

    /// Whether the job failed (`failed`, `infrastructure_fail`, `timedout` or `terminated-unknown`).
    public var isFailure: Bool {
        [.failed, .infrastructureFail, .timedout, .terminatedUnknown].contains(self)
    }

    /// Whether the job has stopped and its status will not change.
    public var isFinished: Bool {
        [.success, .notRun, .failed, .retried, .infrastructureFail, .timedout, .terminatedUnknown, .canceled, .unauthorized].contains(self)
    }
}
