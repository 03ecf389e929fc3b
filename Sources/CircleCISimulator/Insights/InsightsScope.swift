import Foundation

/// `reporting-window`: how far back summary metrics look.
enum ReportingWindow: String, Sendable, CaseIterable {
    case last24Hours = "last-24-hours"
    case last7Days = "last-7-days"
    case last30Days = "last-30-days"
    case last60Days = "last-60-days"
    case last90Days = "last-90-days"

    var duration: TimeInterval {
        switch self {
        case .last24Hours: 86_400
        case .last7Days: 7 * 86_400
        case .last30Days: 30 * 86_400
        case .last60Days: 60 * 86_400
        case .last90Days: 90 * 86_400
        }
    }

    var days: Double { duration / 86_400 }

    /// The window in `context`, defaulting to the last 90 days.
    static func from(_ context: RequestContext) throws(APIError) -> ReportingWindow {
        guard let text = context.queryValue("reporting-window") else { return .last90Days }
        guard let window = ReportingWindow(rawValue: text) else {
            throw .badRequest("Invalid reporting-window: \(text). Must be one of "
                              + allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return window
    }

    /// The current window and the one before it, ending at `now`.
    func ranges(endingAt now: Date) -> (current: Range<Date>, previous: Range<Date>) {
        let start = now.addingTimeInterval(-duration)
        return (start..<now, start.addingTimeInterval(-duration)..<start)
    }
}

/// Which branches insights look at: one, all, or (by default) the default branch.
enum BranchScope: Sendable, Equatable {
    case all
    case branch(String)

    /// Reads `branch` and `all-branches`; neither means the project's default branch.
    static func from(_ context: RequestContext, project: Project,
                     allowsAllBranches: Bool = true) throws(APIError) -> BranchScope {
        let all = allowsAllBranches ? try context.boolQuery("all-branches") ?? false : false
        let branch = context.queryValue("branch")
        if all, branch != nil {
            throw .badRequest("Use either the branch or the all-branches parameter, not both.")
        }
        if all { return .all }
        return .branch(branch ?? project.defaultBranch)
    }

    func includes(_ branch: String?) -> Bool {
        switch self {
        case .all: true
        case let .branch(name): branch == name
        }
    }

    var key: String {
        switch self {
        case .all: "*"
        case let .branch(name): name
        }
    }
}

/// `start-date`/`end-date`: at most 90 days apart, end only with start.
struct DateRange: Sendable {
    let start: Date?
    let end: Date?

    static func from(_ context: RequestContext) throws(APIError) -> DateRange {
        let startText = context.queryValue("start-date")
        let endText = context.queryValue("end-date")
        if endText != nil, startText == nil {
            throw .badRequest("end-date can only be used with start-date.")
        }
        var start: Date?
        var end: Date?
        if let startText {
            guard let date = Timestamp.parse(startText) else { throw .badRequest("Invalid start-date: \(startText).") }
            start = date
        }
        if let endText {
            guard let date = Timestamp.parse(endText) else { throw .badRequest("Invalid end-date: \(endText).") }
            end = date
        }
        if let start, let end {
            guard end >= start else { throw .badRequest("end-date must be after start-date.") }
            guard end.timeIntervalSince(start) <= 90 * 86_400 else {
                throw .badRequest("end-date can be at most 90 days after start-date.")
            }
        }
        return DateRange(start: start, end: end)
    }

    func contains(_ date: Date) -> Bool {
        (start.map { date >= $0 } ?? true) && (end.map { date < $0 } ?? true)
    }
}
