import Foundation

/// How ``AggregateMetrics`` changed against the previous reporting window, as ratios
/// (`getOrgSummaryData`, `getProjectWorkflowsPageData`).
public struct AggregateTrends: Codable, Sendable, Hashable {
    /// The trend value for total number of runs.
    public var totalRuns: Double
    /// Trend value for total duration.
    public var totalDurationSecs: Double
    /// The trend value for total credits consumed.
    public var totalCreditsUsed: Double
    /// The trend value for the success rate.
    public var successRate: Double
    /// Trend value for the average number of runs per day.
    public var throughput: Double

    /// Creates an `AggregateTrends` from its fields.
    public init(
        totalRuns: Double,
        totalDurationSecs: Double,
        totalCreditsUsed: Double,
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
