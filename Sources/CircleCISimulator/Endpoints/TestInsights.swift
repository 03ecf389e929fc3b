import Foundation

/// One test's identity across runs.
private struct TestKey: Hashable, Comparable {
    let job: String
    let classname: String
    let name: String

    static func < (lhs: TestKey, rhs: TestKey) -> Bool {
        (lhs.job, lhs.classname, lhs.name) < (rhs.job, rhs.classname, rhs.name)
    }
}

/// A test result with the run it came from.
private struct Occurrence {
    let run: WorkflowRunRecord
    let job: Job
    let test: TestResult
}

extension World {
    /// Every test result of a project's finished runs, newest run first.
    fileprivate func occurrences(_ runs: [WorkflowRunRecord]) -> [Occurrence] {
        runs.flatMap { run in run.jobs.flatMap { job in job.tests.map { Occurrence(run: run, job: job, test: $0) } } }
    }
}

/// `GET /insights/{project-slug}/flaky-tests`: tests that passed and failed on
/// the same commit. Rendered in snake_case, as the real API answers (its spec
/// says kebab-case).
enum FlakyTests {
    static func response(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let flaky = detect(world.occurrences(world.runRecords(of: project)))
        return .json(.object([
            ("flaky_tests", .array(flaky.map { key, failures in
                let latest = failures[0]
                let wasted = failures.reduce(0) { $0 + ($1.job.durationMillis ?? 0) } / 1000
                return .object([
                    ("time_wasted", .int(wasted)),
                    ("workflow_created_at", .date(latest.run.createdAt)),
                    ("workflow_id", .uuid(latest.run.workflow.id)),
                    ("classname", .string(key.classname)),
                    ("pipeline_number", .int(latest.run.pipeline.number)),
                    ("workflow_name", .string(latest.run.workflow.name)),
                    ("test_name", .string(key.name)),
                    ("job_name", .string(key.job)),
                    ("job_number", .int(latest.job.number ?? 0)),
                    ("times_flaked", .int(failures.count)),
                    ("source", .string(latest.test.source)),
                    ("file", .string(latest.test.file)),
                ])
            })),
            ("total_flaky_tests", .double(Double(flaky.count))),
        ]))
    }

    /// Tests with both a success and a failure on one revision, with their
    /// failures on such revisions, newest first.
    fileprivate static func detect(_ occurrences: [Occurrence]) -> [(TestKey, [Occurrence])] {
        var results: [TestKey: [String: (passed: Bool, failures: [Occurrence])]] = [:]
        for occurrence in occurrences where occurrence.test.result == "success" || occurrence.test.result == "failure" {
            let key = TestKey(job: occurrence.job.name, classname: occurrence.test.classname, name: occurrence.test.name)
            var entry = results[key]?[occurrence.run.pipeline.vcs.revision] ?? (false, [])
            if occurrence.test.result == "success" { entry.passed = true } else { entry.failures.append(occurrence) }
            results[key, default: [:]][occurrence.run.pipeline.vcs.revision] = entry
        }
        return results.keys.sorted().compactMap { key in
            let failures = (results[key] ?? [:]).values.filter(\.passed).flatMap(\.failures)
                .sorted { ($0.run.createdAt, $0.job.id.uuidString) > ($1.run.createdAt, $1.job.id.uuidString) }
            return failures.isEmpty ? nil : (key, failures)
        }
    }

    /// The names of flaky tests, for the `flaky` flag of test metrics.
    fileprivate static func names(in world: World, project: Project) -> Set<TestKey> {
        Set(detect(world.occurrences(world.runRecords(of: project))).map(\.0))
    }
}

/// `GET /insights/{project-slug}/workflows/{workflow-name}/test-metrics`,
/// over the workflow's 10 most recent runs that reported tests.
enum TestMetrics {
    static let listLimit = 10

    static func response(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let project = try world.requireProject(context)
        let scope = try BranchScope.from(context, project: project)
        let runs = Array(world.runRecords(of: project, workflow: context.parameter("workflow-name"), scope: scope)
            .filter { run in run.jobs.contains { !$0.tests.isEmpty } }
            .prefix(10))
        let occurrences = world.occurrences(runs)
        let flaky = FlakyTests.names(in: world, project: project)
        var byKey: [TestKey: [Occurrence]] = [:]
        for occurrence in occurrences where occurrence.test.result != "skipped" {
            byKey[TestKey(job: occurrence.job.name, classname: occurrence.test.classname,
                          name: occurrence.test.name), default: []].append(occurrence)
        }
        func summary(_ key: TestKey) -> JSON {
            let list = byKey[key] ?? []
            let times = DurationStatistics(values: list.map { Int(($0.test.runTime * 1000).rounded()) })
            return .object([
                ("p95_duration", .double(times.p95.map { Double($0) / 1000 })),
                ("total_runs", .int(list.count)),
                ("classname", .string(key.classname)),
                ("failed_runs", .int(list.filter { $0.test.result == "failure" }.count)),
                ("flaky", .bool(flaky.contains(key))),
                ("source", .string(list.first?.test.source)),
                ("file", .string(list.first?.test.file)),
                ("job_name", .string(key.job)),
                ("test_name", .string(key.name)),
            ])
        }
        let failed = byKey.keys.sorted().map { key in (key, byKey[key]?.filter { $0.test.result == "failure" }.count ?? 0) }
            .filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.map(\.0)
        let slowest = byKey.keys.sorted().map { key in
            (key, DurationStatistics(values: (byKey[key] ?? []).map { Int(($0.test.runTime * 1000).rounded()) }).p95 ?? 0)
        }.sorted { $0.1 > $1.1 }.map(\.0)
        let testRuns: [JSON] = runs.map { run in
            let tests = run.jobs.flatMap(\.tests)
            let count = { (result: String) in tests.filter { $0.result == result }.count }
            return .object([
                ("pipeline_number", .int(run.pipeline.number)),
                ("workflow_id", .uuid(run.workflow.id)),
                ("success_rate", .double(Ratio.of(Double(count("success")), Double(count("success") + count("failure"))))),
                ("test_counts", .object([("error", .int(0)), ("failure", .int(count("failure"))),
                                         ("skipped", .int(count("skipped"))), ("success", .int(count("success"))),
                                         ("total", .int(tests.count))])),
            ])
        }
        let total = runs.reduce(0) { $0 + $1.jobs.flatMap(\.tests).count }
        return .json(.object([
            ("average_test_count", .int(runs.isEmpty ? 0 : total / runs.count)),
            ("most_failed_tests", .array(failed.prefix(listLimit).map(summary))),
            ("most_failed_tests_extra", .int(max(0, failed.count - listLimit))),
            ("slowest_tests", .array(slowest.prefix(listLimit).map(summary))),
            ("slowest_tests_extra", .int(max(0, slowest.count - listLimit))),
            ("total_test_runs", .int(total)),
            ("test_runs", .array(testRuns)),
        ]))
    }
}
