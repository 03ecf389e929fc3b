import Foundation

/// Which branches Insights aggregates over.
///
/// The API takes `branch` or `all-branches`, never both; without either it
/// uses the project's default branch.
public enum BranchScope: Sendable, Hashable {
    /// The project's default branch (no parameter sent).
    case defaultBranch
    /// One branch (`branch=`).
    case branch(String)
    /// All branches combined (`all-branches=true`).
    case allBranches

    var queryItems: [URLQueryItem] {
        switch self {
        case .defaultBranch: []
        case .branch(let name): [URLQueryItem(name: "branch", value: name)]
        case .allBranches: [URLQueryItem(name: "all-branches", value: "true")]
        }
    }
}

/// The time window of Insights summary metrics (`reporting-window`); the API's default is 90 days.
public enum ReportingWindow: String, Sendable, Hashable, CaseIterable {
    /// `last-24-hours`.
    case last24Hours = "last-24-hours"
    /// `last-7-days`.
    case last7Days = "last-7-days"
    /// `last-30-days`.
    case last30Days = "last-30-days"
    /// `last-60-days`.
    case last60Days = "last-60-days"
    /// `last-90-days`.
    case last90Days = "last-90-days"
}

/// The interval of job time-series data (`granularity`).
public enum TimeseriesGranularity: String, Sendable, Hashable, CaseIterable {
    /// One point per hour; kept for 48 hours.
    case hourly
    /// One point per day; kept for 90 days.
    case daily
}

/// A date range for Insights runs and time series (`start-date`, `end-date`).
///
/// An end needs a start, so the start is required; the two may be at most 90
/// days apart. Dates are sent as UTC RFC 3339 with a `Z` suffix, e.g.
/// `2024-05-01T00:00:00Z`.
public struct InsightsDateRange: Sendable, Hashable {
    /// The longest range the API accepts.
    public static let maximumSpan: TimeInterval = 90 * 24 * 60 * 60

    /// Include executions that started at or after this date.
    public let start: Date
    /// Include executions that started before this date.
    public let end: Date?

    /// Creates a range.
    ///
    /// - Throws: ``CircleCIError`` of kind ``CircleCIError/Kind/invalidArgument``
    ///   when `end` is before `start` or more than 90 days after it.
    public init(start: Date, end: Date? = nil) throws {
        if let end {
            guard end >= start else {
                throw CircleCIError.invalidArgument("the end date \(Self.format(end)) is before the start date \(Self.format(start))")
            }
            guard end.timeIntervalSince(start) <= Self.maximumSpan else {
                throw CircleCIError.invalidArgument(
                    "the dates \(Self.format(start)) and \(Self.format(end)) are more than 90 days apart; Insights allows at most 90")
            }
        }
        self.start = start
        self.end = end
    }

    var queryItems: [URLQueryItem] {
        [URLQueryItem(name: "start-date", value: Self.format(start))]
            + (end.map { [URLQueryItem(name: "end-date", value: Self.format($0))] } ?? [])
    }

    /// Formats a date as `2024-05-01T00:00:00Z`.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}
