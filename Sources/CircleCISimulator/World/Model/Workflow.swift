import Foundation

enum WorkflowStatus: String, Sendable, Hashable {
    case success, running, notRun = "not_run", failed, error, failing
    case onHold = "on_hold", canceled, unauthorized

    /// Whether the workflow has reached a final state.
    var isTerminal: Bool {
        switch self {
        case .success, .failed, .error, .canceled, .unauthorized, .notRun: true
        case .running, .failing, .onHold: false
        }
    }
}

struct Workflow: Sendable, Hashable {
    let id: UUID
    let pipelineID: UUID
    let projectID: UUID
    let name: String
    var status: WorkflowStatus
    let startedBy: UUID
    let createdAt: Date
    var stoppedAt: Date?
    var canceledBy: UUID?
    var erroredBy: UUID?
    /// The workflow this one reruns, if any.
    let rerunOf: UUID?
}
