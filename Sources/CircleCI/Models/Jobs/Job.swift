import Foundation

/// A job of a workflow, the item of `GET /workflow/{id}/job` (`listWorkflowJobs`).
///
/// ``startedAt`` is `null` for jobs that have not started (queued, blocked, not running), although
/// the document marks it required. Approval jobs may carry a ``jobNumber`` but have no job details,
/// tests or artifacts.
public struct Job: Codable, Sendable, Hashable {
    /// The unique ID of the user.
    public var canceledBy: String?
    /// A sequence of the unique job IDs for the jobs that this job depends upon in the workflow.
    public var dependencies: [String]
    /// The number of the job.
    public var jobNumber: Int?
    /// The unique ID of the job.
    public var id: String
    /// The date and time the job started.
    @ExplicitNull public var startedAt: Date?
    /// The name of the job.
    public var name: String
    /// The unique ID of the user.
    public var approvedBy: String?
    /// The project-slug for the job.
    public var projectSlug: String
    /// The current status of the job.
    public var status: JobStatus
    /// The type of job.
    public var type: JobType
    /// A sequence of the unique jobs and required statuses that this job depends upon in the
    /// workflow.
    public var requires: [String: [DependencyStatus]]?
    /// The time when the job stopped.
    public var stoppedAt: Date?
    /// The unique ID of the job.
    public var approvalRequestID: String?

    /// Creates a `Job` from its fields.
    public init(
        canceledBy: String? = nil,
        dependencies: [String],
        jobNumber: Int? = nil,
        id: String,
        startedAt: Date? = nil,
        name: String,
        approvedBy: String? = nil,
        projectSlug: String,
        status: JobStatus,
        type: JobType,
        requires: [String: [DependencyStatus]]? = nil,
        stoppedAt: Date? = nil,
        approvalRequestID: String? = nil
    ) {
        self.canceledBy = canceledBy
        self.dependencies = dependencies
        self.jobNumber = jobNumber
        self.id = id
        self.startedAt = startedAt
        self.name = name
        self.approvedBy = approvedBy
        self.projectSlug = projectSlug
        self.status = status
        self.type = type
        self.requires = requires
        self.stoppedAt = stoppedAt
        self.approvalRequestID = approvalRequestID
    }

    enum CodingKeys: String, CodingKey {
        case canceledBy = "canceled_by"
        case dependencies
        case jobNumber = "job_number"
        case id
        case startedAt = "started_at"
        case name
        case approvedBy = "approved_by"
        case projectSlug = "project_slug"
        case status
        case type
        case requires
        case stoppedAt = "stopped_at"
        case approvalRequestID = "approval_request_id"
    }
}
