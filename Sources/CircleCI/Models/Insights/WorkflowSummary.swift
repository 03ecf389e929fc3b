import Foundation

/// Metrics and trends of a workflow over its reporting window (`getWorkflowSummary`).
public struct WorkflowSummary: Codable, Sendable, Hashable {
    /// Metrics aggregated across a workflow for a given time window.
    public var metrics: Metrics
    /// Trends for aggregated metrics across a workflow for a given time window.
    public var trends: Trends
    /// A list of all the workflow names for a given project.
    public var workflowNames: [String]

    /// Creates a `WorkflowSummary` from its fields.
    public init(metrics: Metrics, trends: Trends, workflowNames: [String]) {
        self.metrics = metrics
        self.trends = trends
        self.workflowNames = workflowNames
    }

    enum CodingKeys: String, CodingKey {
        case metrics
        case trends
        case workflowNames = "workflow_names"
    }
}

extension WorkflowSummary {
    /// Metrics aggregated across a workflow for a given time window.
    public struct Metrics: Codable, Sendable, Hashable {
        /// The total number of runs, including runs that are still on-hold or running.
        public var totalRuns: Int
        /// The number of successful runs.
        public var successfulRuns: Int
        /// The mean time to recovery (mean time between failures and their next success) in
        /// seconds.
        @ExplicitNull public var mttr: Int?
        /// The total credits consumed by the workflow in the aggregation window. Note that Insights
        /// is not a real time financial reporting tool and should not be used for credit reporting.
        @ExplicitNull public var totalCreditsUsed: Int?
        /// The number of failed runs.
        public var failedRuns: Int
        /// The share of successful runs, from 0 to 1.
        public var successRate: Double
        /// The number of runs that ran to completion within the aggregation window
        @ExplicitNull public var completedRuns: Int?
        /// The timestamp of the first build within the requested reporting window.
        public var windowStart: Date
        /// Metrics relating to the duration of runs for a workflow.
        public var durationMetrics: DurationMetrics
        /// The timestamp of the last build within the requested reporting window.
        public var windowEnd: Date
        /// The average number of runs per day.
        public var throughput: Double

        /// Creates a `Metrics` from its fields.
        public init(
            totalRuns: Int,
            successfulRuns: Int,
            mttr: Int? = nil,
            totalCreditsUsed: Int? = nil,
            failedRuns: Int,
            successRate: Double,
            completedRuns: Int? = nil,
            windowStart: Date,
            durationMetrics: DurationMetrics,
            windowEnd: Date,
            throughput: Double
        ) {
            self.totalRuns = totalRuns
            self.successfulRuns = successfulRuns
            self.mttr = mttr
            self.totalCreditsUsed = totalCreditsUsed
            self.failedRuns = failedRuns
            self.successRate = successRate
            self.completedRuns = completedRuns
            self.windowStart = windowStart
            self.durationMetrics = durationMetrics
            self.windowEnd = windowEnd
            self.throughput = throughput
        }

        enum CodingKeys: String, CodingKey {
            case totalRuns = "total_runs"
            case successfulRuns = "successful_runs"
            case mttr
            case totalCreditsUsed = "total_credits_used"
            case failedRuns = "failed_runs"
            case successRate = "success_rate"
            case completedRuns = "completed_runs"
            case windowStart = "window_start"
            case durationMetrics = "duration_metrics"
            case windowEnd = "window_end"
            case throughput
        }
    }
}

extension WorkflowSummary {
    /// Trends for aggregated metrics across a workflow for a given time window.
    public struct Trends: Codable, Sendable, Hashable {
        /// The trend value for total number of runs.
        public var totalRuns: Double
        /// The trend value for number of failed runs.
        public var failedRuns: Double
        /// The trend value for the success rate.
        public var successRate: Double
        /// Trend value for the 95th percentile duration for a workflow for a given time window.
        public var p95DurationSecs: Double
        /// Trend value for the 50th percentile duration for a workflow for a given time window.
        public var medianDurationSecs: Double
        /// The trend value for total credits consumed.
        public var totalCreditsUsed: Double
        /// trend for mean time to recovery (mean time between failures and their next success).
        public var mttr: Double
        /// Trend value for the average number of runs per day.
        public var throughput: Double

        /// Creates a `Trends` from its fields.
        public init(
            totalRuns: Double,
            failedRuns: Double,
            successRate: Double,
            p95DurationSecs: Double,
            medianDurationSecs: Double,
            totalCreditsUsed: Double,
            mttr: Double,
            throughput: Double
        ) {
            self.totalRuns = totalRuns
            self.failedRuns = failedRuns
            self.successRate = successRate
            self.p95DurationSecs = p95DurationSecs
            self.medianDurationSecs = medianDurationSecs
            self.totalCreditsUsed = totalCreditsUsed
            self.mttr = mttr
            self.throughput = throughput
        }

        enum CodingKeys: String, CodingKey {
            case totalRuns = "total_runs"
            case failedRuns = "failed_runs"
            case successRate = "success_rate"
            case p95DurationSecs = "p95_duration_secs"
            case medianDurationSecs = "median_duration_secs"
            case totalCreditsUsed = "total_credits_used"
            case mttr
            case throughput
        }
    }
}
