import Foundation

/// The branches Insights knows for a project (`getAllInsightsBranches`).
public struct InsightsBranches: Codable, Sendable, Hashable {
    /// The unique ID of the organization
    public var orgID: String
    /// The unique ID of the project
    public var projectID: String
    /// A list of all the branches for a given project.
    public var branches: [String]

    /// Creates an `InsightsBranches` from its fields.
    public init(orgID: String, projectID: String, branches: [String]) {
        self.orgID = orgID
        self.projectID = projectID
        self.branches = branches
    }

    enum CodingKeys: String, CodingKey {
        case orgID = "org_id"
        case projectID = "project_id"
        case branches
    }
}
