import Foundation

/// `GET /insights/time-series/{project-slug}/workflows/{workflow-name}/jobs`:
/// per job, one entry per day (or hour) that had runs.
enum JobTimeseries {
    private struct Bucket {
        let name: String
        let start: Date
        let jobs: [Job]
    }

    static func response(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let scope = try BranchScope.from(context, project: project, allowsAllBranches: false)
        let granularity = context.queryValue("granularity") ?? "daily"
        let bucketSeconds: TimeInterval
        switch granularity {
        case "daily": bucketSeconds = 86_400
        case "hourly": bucketSeconds = 3_600
        default: throw .badRequest("Invalid granularity: \(granularity). Expected daily or hourly.")
        }
        let dates = try DateRange.from(context)
        let start = dates.start ?? world.now.addingTimeInterval(granularity == "daily" ? -90 * 86_400 : -48 * 3_600)
        let end = dates.end ?? world.now
        let name = context.parameter("workflow-name")
        let runs = world.runRecords(of: project, workflow: name, scope: scope)
        let buckets = JobAggregate.group(runs, days: 1).flatMap { group -> [Bucket] in
            var byStart: [Date: [Job]] = [:]
            for job in group.jobs {
                guard let started = job.startedAt, started >= start, started < end else { continue }
                let bucket = (started.timeIntervalSince1970 / bucketSeconds).rounded(.down) * bucketSeconds
                byStart[Date(timeIntervalSince1970: bucket), default: []].append(job)
            }
            return byStart.keys.sorted().map { Bucket(name: group.name, start: $0, jobs: byStart[$0] ?? []) }
        }
        let list = "timeseries/\(project.id)/\(name)/\(scope.key)/\(granularity)/\(start)/\(end)"
        return try Pagination.response(buckets, list: list, context: context,
                                       key: { "\($0.name)@\(Timestamp.format($0.start))" }) { bucket in
            let aggregate = JobAggregate(name: bucket.name, jobs: bucket.jobs, days: bucketSeconds / 86_400)
            let credits = DurationStatistics(values: bucket.jobs.map(\.creditsUsed))
            let durations = aggregate.durations
            return .object([
                ("name", .string(bucket.name)),
                ("min_started_at", .date(bucket.jobs.compactMap(\.startedAt).min())),
                ("max_ended_at", .date(bucket.jobs.compactMap(\.stoppedAt).max())),
                ("timestamp", .date(bucket.start)),
                ("metrics", .object([
                    ("total_runs", .int(bucket.jobs.count)),
                    ("failed_runs", .int(aggregate.failed)),
                    ("successful_runs", .int(aggregate.successful)),
                    ("throughput", .double(Ratio.of(Double(bucket.jobs.count), bucketSeconds / 86_400))),
                    ("median_credits_used", .int(credits.median ?? 0)),
                    ("total_credits_used", .int(credits.total)),
                    ("duration_metrics", .object([
                        ("min", .int(durations.min)), ("median", .int(durations.median)),
                        ("max", .int(durations.max)), ("p95", .int(durations.p95)),
                        ("total", .int(durations.total)),
                    ])),
                ])),
            ])
        }
    }
}
