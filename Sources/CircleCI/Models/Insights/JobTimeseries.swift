import Foundation

/// Metrics of a workflow's jobs for one time interval (`getJobTimeseries`).
public struct JobTimeseries: Codable, Sendable, Hashable {
    /// The name of the workflow.
    public var name: String
    /// The start time for the earliest execution included in the metrics.
    public var minStartedAt: Date
    /// The end time of the last execution included in the metrics.
    public var maxEndedAt: Date
    /// The start of the interval for timeseries metrics.
    public var timestamp: Date
    /// Metrics relating to a workflow's runs.
    public var metrics: Metrics

    /// Creates a `JobTimeseries` from its fields.
    public init(name: String, minStartedAt: Date, maxEndedAt: Date, timestamp: Date, metrics: Metrics) {
        self.name = name
        self.minStartedAt = minStartedAt
        self.maxEndedAt = maxEndedAt
        self.timestamp = timestamp
        self.metrics = metrics
    }

    enum CodingKeys: String, CodingKey {
        case name
        case minStartedAt = "min_started_at"
        case maxEndedAt = "max_ended_at"
        case timestamp
        case metrics
    }
}

extension JobTimeseries {
    /// Metrics relating to a workflow's runs.
    public struct Metrics: Codable, Sendable, Hashable {
        /// The total number of runs, including runs that are still on-hold or running.
        public var totalRuns: Int
        /// The number of failed runs.
        public var failedRuns: Int
        /// The number of successful runs.
        public var successfulRuns: Int
        /// The average number of runs per day.
        public var throughput: Double
        /// The median credits consumed over the current timeseries interval.
        public var medianCreditsUsed: Int
        /// The total credits consumed over the current timeseries interval.
        public var totalCreditsUsed: Int
        /// Metrics relating to the duration of runs for a workflow.
        public var durationMetrics: Durations

        /// Creates a `Metrics` from its fields.
        public init(
            totalRuns: Int,
            failedRuns: Int,
            successfulRuns: Int,
            throughput: Double,
            medianCreditsUsed: Int,
            totalCreditsUsed: Int,
            durationMetrics: Durations
        ) {
            self.totalRuns = totalRuns
            self.failedRuns = failedRuns
            self.successfulRuns = successfulRuns
            self.throughput = throughput
            self.medianCreditsUsed = medianCreditsUsed
            self.totalCreditsUsed = totalCreditsUsed
            self.durationMetrics = durationMetrics
        }

        enum CodingKeys: String, CodingKey {
            case totalRuns = "total_runs"
            case failedRuns = "failed_runs"
            case successfulRuns = "successful_runs"
            case throughput
            case medianCreditsUsed = "median_credits_used"
            case totalCreditsUsed = "total_credits_used"
            case durationMetrics = "duration_metrics"
        }
    }
}

extension JobTimeseries.Metrics {
    /// Metrics relating to the duration of runs for a workflow.
    public struct Durations: Codable, Sendable, Hashable {
        /// The minimum duration, in seconds, among a group of runs.
        @ExplicitNull public var min: Int?
        /// The median duration, in seconds, among a group of runs.
        @ExplicitNull public var median: Int?
        /// The max duration, in seconds, among a group of runs.
        @ExplicitNull public var max: Int?
        /// The 95th percentile duration, in seconds, among a group of runs.
        @ExplicitNull public var p95: Int?
        /// The total duration, in seconds, added across a group of runs.
        @ExplicitNull public var total: Int?

        /// Creates a `Durations` from its fields.
        public init(
            min: Int? = nil,
            median: Int? = nil,
            max: Int? = nil,
            p95: Int? = nil,
            total: Int? = nil
        ) {
            self.min = min
            self.median = median
            self.max = max
            self.p95 = p95
            self.total = total
        }

        enum CodingKeys: String, CodingKey {
            case min
            case median
            case max
            case p95
            case total
        }
    }
}
