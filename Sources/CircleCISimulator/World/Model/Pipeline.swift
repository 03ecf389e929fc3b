import Foundation

enum PipelineState: String, Sendable, Hashable {
    case created, errored, setupPending = "setup-pending", setup, pending
}

enum TriggerType: String, Sendable, Hashable {
    case scheduledPipeline = "scheduled_pipeline", explicit, api, webhook
}

struct PipelineError: Sendable, Hashable {
    let type: String
    let message: String
}

/// A pipeline parameter value as sent in `parameters`.
enum ParameterValue: Sendable, Hashable {
    case string(String), int(Int), bool(Bool)
}

struct PipelineParameter: Sendable, Hashable {
    let name: String
    let value: ParameterValue
}

struct PipelineVCS: Sendable, Hashable {
    let revision: String
    let branch: String?
    let tag: String?
    let subject: String
    let body: String?
    let reviewID: String?
}

struct Pipeline: Sendable, Hashable {
    let id: UUID
    let projectID: UUID
    let number: Int
    let createdAt: Date
    var updatedAt: Date
    let state: PipelineState
    let errors: [PipelineError]
    let triggerType: TriggerType
    let actorID: UUID
    let vcs: PipelineVCS
    let parameters: [PipelineParameter]
    /// The schedule that fired a `scheduled_pipeline`.
    let scheduleName: String?
}
