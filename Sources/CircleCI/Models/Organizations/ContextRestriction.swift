import Foundation

/// A restriction on who may use a context (`getContextRestrictions`).
public struct ContextRestriction: Codable, Sendable, Hashable {
    /// UUID of the context
    public var contextID: String?
    /// UUID of the restriction
    public var id: String?
    /// Deprecated - For "project" restrictions read the project ID from "restriction_value"
    /// instead. UUID of the project used in a project restriction.
    public var projectID: String?
    /// Contains a human-readable reference for the restriction. For "project" restrictions this is
    /// the name of the project. May be null.
    public var name: String?
    /// Type of the restriction
    public var restrictionType: RestrictionType?
    /// Value used to evaluate the restriction
    public var restrictionValue: String?

    /// Creates a `ContextRestriction` from its fields.
    public init(
        contextID: String? = nil,
        id: String? = nil,
        projectID: String? = nil,
        name: String? = nil,
        restrictionType: RestrictionType? = nil,
        restrictionValue: String? = nil
    ) {
        self.contextID = contextID
        self.id = id
        self.projectID = projectID
        self.name = name
        self.restrictionType = restrictionType
        self.restrictionValue = restrictionValue
    }

    enum CodingKeys: String, CodingKey {
        case contextID = "context_id"
        case id
        case projectID = "project_id"
        case name
        case restrictionType = "restriction_type"
        case restrictionValue = "restriction_value"
    }
}
