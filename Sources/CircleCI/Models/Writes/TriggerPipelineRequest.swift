import Foundation

/// The body of `triggerPipeline` (`POST /project/{slug}/pipeline`).
///
/// `branch` and `tag` are mutually exclusive, so the initialisers take one or
/// neither. Parameter values must be strings, integers or booleans.
public struct TriggerPipelineRequest: Encodable, Sendable, Hashable {
    /// The branch whose HEAD commit to build; `pull/<n>/head` or `pull/<n>/merge` for a GitHub PR.
    public private(set) var branch: String?
    /// The tag whose commit to build.
    public private(set) var tag: String?
    /// Pipeline parameters (at most 100; keys up to 128 and values up to 512 characters).
    public var parameters: [String: JSONValue]?

    /// Triggers on the project's default branch.
    public init(parameters: [String: JSONValue]? = nil) {
        self.parameters = parameters
    }

    /// Triggers on a branch.
    public init(branch: String, parameters: [String: JSONValue]? = nil) {
        self.branch = branch
        self.parameters = parameters
    }

    /// Triggers on a tag.
    public init(tag: String, parameters: [String: JSONValue]? = nil) {
        self.tag = tag
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case branch
        case tag
        case parameters
    }
}
