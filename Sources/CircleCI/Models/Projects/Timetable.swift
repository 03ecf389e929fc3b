import Foundation

/// When a schedule triggers (`Schedule.timetable`).
///
/// The document offers two shapes that differ only in which of `days-of-week`
/// and `days-of-month` is required; this type holds either.
public struct Timetable: Codable, Sendable, Hashable {
    /// Number of times a schedule triggers per hour, between 1 and 60.
    public var perHour: Int
    /// Hours in a day in which the schedule triggers.
    public var hoursOfDay: [Int]
    /// Days in a week in which the schedule triggers.
    public var daysOfWeek: [Weekday]?
    /// Days in a month in which the schedule triggers; mutually exclusive with days of the week.
    public var daysOfMonth: [Int]?
    /// Months in which the schedule triggers.
    public var months: [Month]?

    /// Creates a timetable from its fields.
    public init(
        perHour: Int, hoursOfDay: [Int], daysOfWeek: [Weekday]? = nil, daysOfMonth: [Int]? = nil,
        months: [Month]? = nil
    ) {
        self.perHour = perHour
        self.hoursOfDay = hoursOfDay
        self.daysOfWeek = daysOfWeek
        self.daysOfMonth = daysOfMonth
        self.months = months
    }

    enum CodingKeys: String, CodingKey {
        case perHour = "per-hour"
        case hoursOfDay = "hours-of-day"
        case daysOfWeek = "days-of-week"
        case daysOfMonth = "days-of-month"
        case months
    }
}
