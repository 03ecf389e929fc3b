import Foundation

/// The pipeline that `triggerPipeline` created (HTTP 201).
public struct PipelineCreation: Codable, Sendable, Hashable {
    /// The unique ID of the pipeline.
    public var id: String
    /// The current state of the pipeline.
    public var state: PipelineState
    /// The number of the pipeline.
    public var number: Int
    /// The date and time the pipeline was created.
    public var createdAt: Date

    /// Creates a `PipelineCreation` from its fields.
    public init(id: String, state: PipelineState, number: Int, createdAt: Date) {
        self.id = id
        self.state = state
        self.number = number
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case state
        case number
        case createdAt = "created_at"
    }
}
