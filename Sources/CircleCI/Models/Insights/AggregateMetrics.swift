import Foundation

/// Run, duration and credit totals of an organization or a project in Insights
/// (`getOrgSummaryData`, `getProjectWorkflowsPageData`).
public struct AggregateMetrics: Codable, Sendable, Hashable {
    /// The total number of runs, including runs that are still on-hold or running.
    public var totalRuns: Int
    /// Total duration, in seconds.
    public var totalDurationSecs: Int
    /// The total credits consumed over the current timeseries interval.
    public var totalCreditsUsed: Int
    /// The share of successful runs, from 0 to 1.
    public var successRate: Double
    /// The average number of runs per day.
    public var throughput: Double

    /// Creates an `AggregateMetrics` from its fields.
    public init(
        totalRuns: Int,
        totalDurationSecs: Int,
        totalCreditsUsed: Int,
        successRate: Double,
        throughput: Double
    ) {
        self.totalRuns = totalRuns
        self.totalDurationSecs = totalDurationSecs
        self.totalCreditsUsed = totalCreditsUsed
        self.successRate = successRate
        self.throughput = throughput
    }

    enum CodingKeys: String, CodingKey {
        case totalRuns = "total_runs"
        case totalDurationSecs = "total_duration_secs"
        case totalCreditsUsed = "total_credits_used"
        case successRate = "success_rate"
        case throughput
    }
}
