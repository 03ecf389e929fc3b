import Foundation

/// Summary metrics of one workflow over a reporting window (`getProjectWorkflowMetrics`).
public struct WorkflowMetrics: Codable, Sendable, Hashable {
    /// The name of the workflow.
    public var name: String
    /// Metrics relating to a workflow's runs.
    public var metrics: Metrics
    /// The timestamp of the first build within the requested reporting window.
    public var windowStart: Date
    /// The timestamp of the last build within the requested reporting window.
    public var windowEnd: Date
    /// The unique ID of the project
    public var projectID: String

    /// Creates a `WorkflowMetrics` from its fields.
    public init(name: String, metrics: Metrics, windowStart: Date, windowEnd: Date, projectID: String) {
        self.name = name
        self.metrics = metrics
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.projectID = projectID
    }

    enum CodingKeys: String, CodingKey {
        case name
        case metrics
        case windowStart = "window_start"
        case windowEnd = "window_end"
        case projectID = "project_id"
    }
}

extension WorkflowMetrics {
    /// Metrics relating to a workflow's runs.
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
        /// Metrics relating to the duration of runs for a workflow.
        public var durationMetrics: DurationMetrics
        /// The number of recovered workflow executions per day.
        @ExplicitNull public var totalRecoveries: Int?
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
            durationMetrics: DurationMetrics,
            totalRecoveries: Int? = nil,
            throughput: Double
        ) {
            self.totalRuns = totalRuns
            self.successfulRuns = successfulRuns
            self.mttr = mttr
            self.totalCreditsUsed = totalCreditsUsed
            self.failedRuns = failedRuns
            self.successRate = successRate
            self.durationMetrics = durationMetrics
            self.totalRecoveries = totalRecoveries
            self.throughput = throughput
        }

        enum CodingKeys: String, CodingKey {
            case totalRuns = "total_runs"
            case successfulRuns = "successful_runs"
            case mttr
            case totalCreditsUsed = "total_credits_used"
            case failedRuns = "failed_runs"
            case successRate = "success_rate"
            case durationMetrics = "duration_metrics"
            case totalRecoveries = "total_recoveries"
            case throughput
        }
    }
}
