import Foundation

/// A file a job stored as an artifact (`getJobArtifacts`, from the 2025-10 document).
public struct Artifact: Codable, Sendable, Hashable {
    /// The artifact path.
    public var path: String
    /// The index of the node that stored the artifact.
    public var nodeIndex: Int
    /// The URL to download the artifact contents.
    public var url: String

    /// Creates an `Artifact` from its fields.
    public init(path: String, nodeIndex: Int, url: String) {
        self.path = path
        self.nodeIndex = nodeIndex
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case path
        case nodeIndex = "node_index"
        case url
    }
}
