import Foundation

/// A step of a job, from API v1.1 (`GET /api/v1.1/project/{vcs}/{org}/{repo}/{build_num}`).
///
/// API v2 has no step data; v1.1 is still the documented way to reach a job's
/// steps and their output. A step has one action per parallel node.
public struct JobStep: Codable, Sendable, Hashable {
    /// The name of the step.
    public var name: String
    /// The step's actions, one per parallel node.
    public var actions: [StepAction]

    /// Creates a step from its fields.
    public init(name: String, actions: [StepAction]) {
        self.name = name
        self.actions = actions
    }

    enum CodingKeys: String, CodingKey {
        case name
        case actions
    }
}

/// The body of a v1.1 job ("build"): only its steps are read.
struct V1Build: Decodable {
    var steps: [JobStep]?
}
