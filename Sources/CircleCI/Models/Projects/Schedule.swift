import Foundation

/// A scheduled pipeline trigger (`listSchedulesForProject`, `getScheduleById`).
public struct Schedule: Codable, Sendable, Hashable {
    /// The unique ID of the schedule.
    public var id: String
    /// Timetable that specifies when a schedule triggers.
    public var timetable: Timetable
    /// The date and time the pipeline was last updated.
    public var updatedAt: Date
    /// Name of the schedule.
    public var name: String
    /// The date and time the pipeline was created.
    public var createdAt: Date
    /// The project-slug for the schedule
    public var projectSlug: String
    /// Pipeline parameters represented as key-value pairs. Must contain branch or tag.
    public var parameters: [String: JSONValue]
    /// The attribution actor who will run the scheduled pipeline.
    public var actor: User
    /// Description of the schedule.
    @ExplicitNull public var description: String?

    /// Creates a `Schedule` from its fields.
    public init(
        id: String,
        timetable: Timetable,
        updatedAt: Date,
        name: String,
        createdAt: Date,
        projectSlug: String,
        parameters: [String: JSONValue],
        actor: User,
        description: String? = nil
    ) {
        self.id = id
        self.timetable = timetable
        self.updatedAt = updatedAt
        self.name = name
        self.createdAt = createdAt
        self.projectSlug = projectSlug
        self.parameters = parameters
        self.actor = actor
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case id
        case timetable
        case updatedAt = "updated-at"
        case name
        case createdAt = "created-at"
        case projectSlug = "project-slug"
        case parameters
        case actor
        case description
    }
}
