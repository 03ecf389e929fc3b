import Foundation

/// One finished run of a workflow, from Insights (`getProjectWorkflowRuns`).
///
/// ``duration`` is in seconds.
public struct WorkflowRun: Codable, Sendable, Hashable {
    /// The unique ID of the workflow.
    public var id: String
    /// The VCS branch of a Workflow's trigger.
    public var branch: String
    /// The duration in seconds of a run.
    @ExplicitNull public var duration: Int?
    /// The date and time the workflow was created.
    public var createdAt: Date
    /// The date and time the workflow stopped.
    @ExplicitNull public var stoppedAt: Date?
    /// The number of credits used during execution. Note that Insights is not a real time financial
    /// reporting tool and should not be used for credit reporting.
    public var creditsUsed: Int
    /// Workflow status.
    @ExplicitNull public var status: WorkflowRunStatus?
    /// Describes if the job is an approval job or not. Approval jobs are intermediary jobs that are
    /// created to pause the workflow until approved.
    public var isApproval: Bool

    /// Creates a `WorkflowRun` from its fields.
    public init(
        id: String,
        branch: String,
        duration: Int? = nil,
        createdAt: Date,
        stoppedAt: Date? = nil,
        creditsUsed: Int,
        status: WorkflowRunStatus? = nil,
        isApproval: Bool
    ) {
        self.id = id
        self.branch = branch
        self.duration = duration
        self.createdAt = createdAt
        self.stoppedAt = stoppedAt
        self.creditsUsed = creditsUsed
        self.status = status
        self.isApproval = isApproval
    }

    enum CodingKeys: String, CodingKey {
        case id
        case branch
        case duration
        case createdAt = "created_at"
        case stoppedAt = "stopped_at"
        case creditsUsed = "credits_used"
        case status
        case isApproval = "is_approval"
    }
}
