import Foundation

/// The workflow that `rerunWorkflow` started (HTTP 202).
public struct RerunWorkflowResult: Codable, Sendable, Hashable {
    /// The ID of the newly-created workflow.
    public var workflowID: String

    /// Creates a `RerunWorkflowResult` from its fields.
    public init(workflowID: String) {
        self.workflowID = workflowID
    }

    enum CodingKeys: String, CodingKey {
        case workflowID = "workflow_id"
    }
}
