import Foundation

/// A job looked up by its ID (`GET /jobs/{job_id}`, `getJob`): fewer fields than ``JobDetails``.
///
/// The document gives `status` and `type` no enumeration, so they stay strings.
public struct JobSummary: Codable, Sendable, Hashable {
    /// The unique ID.
    public var id: String
    /// The name.
    public var name: String
    /// The number of the job.
    public var jobNumber: Int?
    /// The type of the job.
    public var type: String?
    /// The status, as the API sends it.
    public var status: String
    /// The unique ID of the project.
    public var projectID: String
    /// The ID of the pipeline.
    public var pipelineID: String
    /// The ID of the workflow.
    public var workflowID: String
    /// When it started.
    public var startedAt: Date?
    /// When it stopped.
    public var stoppedAt: Date?

    /// Creates a `JobSummary` from its fields.
    public init(
        id: String,
        name: String,
        jobNumber: Int? = nil,
        type: String? = nil,
        status: String,
        projectID: String,
        pipelineID: String,
        workflowID: String,
        startedAt: Date? = nil,
        stoppedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.jobNumber = jobNumber
        self.type = type
        self.status = status
        self.projectID = projectID
        self.pipelineID = pipelineID
        self.workflowID = workflowID
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case jobNumber = "job_number"
        case type
        case status
        case projectID = "project_id"
        case pipelineID = "pipeline_id"
        case workflowID = "workflow_id"
        case startedAt = "started_at"
        case stoppedAt = "stopped_at"
    }
}
