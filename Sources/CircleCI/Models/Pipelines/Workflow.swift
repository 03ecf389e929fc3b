import Foundation

/// A workflow of a pipeline (`getWorkflowById`, `listWorkflowsByPipelineId`).
///
/// A running workflow has no ``stoppedAt``; it still encodes the key, as `null`.
public struct Workflow: Codable, Sendable, Hashable {
    /// The ID of the pipeline this workflow belongs to.
    public var pipelineID: String
    /// The ID of the user who canceled the workflow.
    public var canceledBy: String?
    /// The unique ID of the workflow.
    public var id: String
    /// Present if this workflow was auto-rerun from a previous workflow. The Nth auto-rerun
    /// workflow will have auto_rerun_number N.
    public var autoRerunNumber: Int?
    /// The name of the workflow.
    public var name: String
    /// The project-slug for the pipeline this workflow belongs to.
    public var projectSlug: String
    /// The ID of the user associated with the error on the workflow.
    public var erroredBy: String?
    /// Tag used for the workflow.
    public var tag: WorkflowTag?
    /// The current status of the workflow.
    public var status: WorkflowStatus
    /// The ID of the user who started the workflow.
    public var startedBy: String
    /// The maximum number of auto reruns specified for the workflow.
    public var maxAutoReruns: Int?
    /// The number of the pipeline this workflow belongs to.
    public var pipelineNumber: Int
    /// The date and time the workflow was created.
    public var createdAt: Date
    /// The date and time the workflow stopped.
    @ExplicitNull public var stoppedAt: Date?

    /// Creates a `Workflow` from its fields.
    public init(
        pipelineID: String,
        canceledBy: String? = nil,
        id: String,
        autoRerunNumber: Int? = nil,
        name: String,
        projectSlug: String,
        erroredBy: String? = nil,
        tag: WorkflowTag? = nil,
        status: WorkflowStatus,
        startedBy: String,
        maxAutoReruns: Int? = nil,
        pipelineNumber: Int,
        createdAt: Date,
        stoppedAt: Date? = nil
    ) {
        self.pipelineID = pipelineID
        self.canceledBy = canceledBy
        self.id = id
        self.autoRerunNumber = autoRerunNumber
        self.name = name
        self.projectSlug = projectSlug
        self.erroredBy = erroredBy
        self.tag = tag
        self.status = status
        self.startedBy = startedBy
        self.maxAutoReruns = maxAutoReruns
        self.pipelineNumber = pipelineNumber
        self.createdAt = createdAt
        self.stoppedAt = stoppedAt
    }

    enum CodingKeys: String, CodingKey {
        case pipelineID = "pipeline_id"
        case canceledBy = "canceled_by"
        case id
        case autoRerunNumber = "auto_rerun_number"
        case name
        case projectSlug = "project_slug"
        case erroredBy = "errored_by"
        case tag
        case status
        case startedBy = "started_by"
        case maxAutoReruns = "max_auto_reruns"
        case pipelineNumber = "pipeline_number"
        case createdAt = "created_at"
        case stoppedAt = "stopped_at"
    }
}
