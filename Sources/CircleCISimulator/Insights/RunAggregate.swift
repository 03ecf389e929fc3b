import Foundation

/// Workflow-run metrics over a set of finished runs.
struct RunAggregate: Sendable {
    let runs: [WorkflowRunRecord]
    /// Days in the reporting window, for throughput.
    let days: Double

    var totalRuns: Int { runs.count }
    var successfulRuns: Int { runs.filter(\.isSuccess).count }
    var failedRuns: Int { runs.filter(\.isFailure).count }
    var successRate: Double { Ratio.of(Double(successfulRuns), Double(totalRuns)) }
    var throughput: Double { Ratio.of(Double(totalRuns), days) }
    var totalCredits: Int { runs.reduce(0) { $0 + $1.creditsUsed } }
    var durations: DurationStatistics { DurationStatistics(values: runs.map(\.durationSeconds)) }
    var windowStart: Date? { runs.map(\.createdAt).min() }
    var windowEnd: Date? { runs.map(\.stoppedAt).max() }

    /// Seconds from each failure to the next success, oldest first.
    var recoveries: [Int] {
        var failedAt: Date?
        var times: [Int] = []
        for run in runs.sorted(by: { $0.createdAt < $1.createdAt }) {
            if run.isFailure, failedAt == nil { failedAt = run.stoppedAt }
            if run.isSuccess, let since = failedAt {
                times.append(max(0, Int(run.stoppedAt.timeIntervalSince(since).rounded())))
                failedAt = nil
            }
        }
        return times
    }

    var mttr: Int? {
        let times = recoveries
        return times.isEmpty ? nil : Int((Double(times.reduce(0, +)) / Double(times.count)).rounded())
    }

    /// The `metrics` object of getProjectWorkflowMetrics.
    var workflowMetricsJSON: JSON {
        .object([
            ("total_runs", .int(totalRuns)),
            ("successful_runs", .int(successfulRuns)),
            ("mttr", .int(mttr)),
            ("total_credits_used", .int(totalCredits)),
            ("failed_runs", .int(failedRuns)),
            ("success_rate", .double(successRate)),
            ("duration_metrics", durations.json),
            ("total_recoveries", .int(recoveries.count)),
            ("throughput", .double(throughput)),
        ])
    }
}

/// Job-run metrics over the finished runs of one job name.
struct JobAggregate: Sendable {
    let name: String
    let jobs: [Job]
    let days: Double

    var successful: Int { jobs.filter { $0.status == .success }.count }
    var failed: Int { jobs.filter { $0.status.isFailure }.count }
    var durations: DurationStatistics {
        DurationStatistics(values: jobs.compactMap { $0.durationMillis.map { Int((Double($0) / 1000).rounded()) } })
    }
    var credits: Int { jobs.reduce(0) { $0 + $1.creditsUsed } }

    var metricsJSON: JSON {
        .object([
            ("total_runs", .int(jobs.count)),
            ("failed_runs", .int(failed)),
            ("successful_runs", .int(successful)),
            ("duration_metrics", durations.json),
            ("success_rate", .double(Ratio.of(Double(successful), Double(jobs.count)))),
            ("total_credits_used", .int(credits)),
            ("throughput", .double(Ratio.of(Double(jobs.count), days))),
        ])
    }

    /// The finished, started build jobs of `runs`, grouped by name in first-seen order.
    static func group(_ runs: [WorkflowRunRecord], days: Double) -> [JobAggregate] {
        var order: [String] = []
        var byName: [String: [Job]] = [:]
        for job in runs.flatMap(\.jobs) where job.type == .build && job.startedAt != nil && job.stoppedAt != nil {
            if byName[job.name] == nil { order.append(job.name) }
            byName[job.name, default: []].append(job)
        }
        return order.map { JobAggregate(name: $0, jobs: byName[$0] ?? [], days: days) }
    }
}

/// How a metric moved between the previous window and the current one:
/// `current / previous`, or 0 when there is nothing to compare with.
enum Trend {
    static func of(_ current: Double, _ previous: Double) -> Double {
        Ratio.of(current, previous)
    }
}
