import Foundation

/// Where a v1.1 job ("build", `getJobV1`) is in its life: enough to tell
/// whether its steps can still change.
///
/// Decode it from the same body ``CircleCIClient/jobSteps(project:jobNumber:)``
/// reads: `{"lifecycle": "finished", "status": "failed", "steps": […], …}`.
public struct V1JobStatus: Codable, Sendable, Hashable {
    /// `queued`, `scheduled`, `not_running`, `not_run`, `running` or `finished`.
    public var lifecycle: String?
    /// The job's status, e.g. `success`, `failed`, `running`.
    public var status: JobStatus?

    /// Creates a value from its fields.
    public init(lifecycle: String?, status: JobStatus?) {
        self.lifecycle = lifecycle
        self.status = status
    }

    /// Whether the job has finished: lifecycle `finished` and a finished ``status``
    /// (``JobStatus/isFinished``, or v1.1's own `fixed` and `no_tests`).
    public var isFinished: Bool {
        guard lifecycle == "finished", let status else { return false }
        return status.isFinished || status == "fixed" || status == "no_tests"
    }

    enum CodingKeys: String, CodingKey {
        case lifecycle
        case status
    }
}
