import Foundation

/// Summary metrics of one job of a workflow over a reporting window
/// (`getProjectWorkflowJobMetrics`).
public struct JobMetrics: Codable, Sendable, Hashable {
    /// The name of the job.
    public var name: String
    /// Metrics relating to a workflow job's runs.
    public var metrics: Metrics
    /// The timestamp of the first build within the requested reporting window.
    public var windowStart: Date
    /// The timestamp of the last build within the requested reporting window.
    public var windowEnd: Date

    /// Creates a `JobMetrics` from its fields.
    public init(name: String, metrics: Metrics, windowStart: Date, windowEnd: Date) {
        self.name = name
        self.metrics = metrics
        self.windowStart = windowStart
        self.windowEnd = windowEnd
    }

    enum CodingKeys: String, CodingKey {
        case name
        case metrics
        case windowStart = "window_start"
        case windowEnd = "window_end"
    }
}

extension JobMetrics {
    /// Metrics relating to a workflow job's runs.
    public struct Metrics: Codable, Sendable, Hashable {
        /// The total number of runs, including runs that are still on-hold or running.
        public var totalRuns: Int
        /// The number of failed runs.
        public var failedRuns: Int
        /// The number of successful runs.
        public var successfulRuns: Int
        /// Metrics relating to the duration of runs for a workflow job.
        public var durationMetrics: DurationMetrics
        /// The share of successful runs, from 0 to 1.
        public var successRate: Double
        /// The total credits consumed by the job in the aggregation window. Note that Insights is
        /// not a real time financial reporting tool and should not be used for credit reporting.
        public var totalCreditsUsed: Int
        /// The average number of runs per day.
        public var throughput: Double

        /// Creates a `Metrics` from its fields.
        public init(
            totalRuns: Int,
            failedRuns: Int,
            successfulRuns: Int,
            durationMetrics: DurationMetrics,
            successRate: Double,
            totalCreditsUsed: Int,
            throughput: Double
        ) {
            self.totalRuns = totalRuns
            self.failedRuns = failedRuns
            self.successfulRuns = successfulRuns
            self.durationMetrics = durationMetrics
            self.successRate = successRate
            self.totalCreditsUsed = totalCreditsUsed
            self.throughput = throughput
        }

        enum CodingKeys: String, CodingKey {
            case totalRuns = "total_runs"
            case failedRuns = "failed_runs"
            case successfulRuns = "successful_runs"
            case durationMetrics = "duration_metrics"
            case successRate = "success_rate"
            case totalCreditsUsed = "total_credits_used"
            case throughput
        }
    }
}
