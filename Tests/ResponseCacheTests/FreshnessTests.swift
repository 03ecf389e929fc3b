import CircleCI
import CircleCISimulator
import Foundation
import ResponseCache
import Testing

/// What is kept for how long, decided from the decoded status: finished
/// things until evicted, lists and running things for the time to live.
@Suite struct FreshnessTests {
    @Test func aStaleListIsRefetchedAfterItsTimeToLive() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        let client = try harness.client(cache, timeToLive: .seconds(60))
        let first = try await harness.requests {
            try await client.pipelines(project: CacheHarness.api).collect(limit: 5)
        }
        #expect(first.count == 1)

        harness.clock.advance(seconds: 59)
        #expect(
            try await harness.requests { try await client.pipelines(project: CacheHarness.api).collect(limit: 5) }.count
                == 0)

        harness.clock.advance(seconds: 2)
        let stale = try await harness.requests {
            try await client.pipelines(project: CacheHarness.api).collect(limit: 5)
        }
        #expect(stale.count == 1, "past its time to live the list is fetched again")
        #expect(stale.value == first.value)
        #expect(
            try await harness.requests { try await client.pipelines(project: CacheHarness.api).collect(limit: 5) }.count
                == 0,
            "and rewritten")
    }

    @Test func aFinishedWorkflowsJobsOutliveTheTimeToLiveARunningOnesDoNot() async throws {
        let harness = try CacheHarness()
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let client = try harness.client(harness.cache())
        func read() async throws -> (finished: Int, running: Int) {
            let finished = try await harness.requests {
                _ = try await client.jobs(workflowID: landmarks.finishedWorkflow.id).collect()
                _ = try await client.workflow(id: landmarks.finishedWorkflow.id)
                _ = try await client.workflows(pipelineID: landmarks.settledPipelineID).collect()
            }
            let running = try await harness.requests {
                _ = try await client.jobs(workflowID: landmarks.runningWorkflow.id).collect()
                _ = try await client.workflow(id: landmarks.runningWorkflow.id)
                _ = try await client.workflows(pipelineID: landmarks.runningPipelineID).collect()
            }
            return (finished.count, running.count)
        }
        #expect(try await read() == (3, 3))
        #expect(try await read() == (0, 0))
        harness.clock.advance(seconds: 86_400)
        #expect(try await read() == (0, 3), "a day later only what is still running is fetched again")
    }

    @Test func finishedJobDetailsAndConfigAreSettled() async throws {
        let harness = try CacheHarness()
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let cache = harness.cache()
        let client = try harness.client(cache)
        let number = landmarks.finishedJobNumber
        let job = try #require(
            try await client.jobs(workflowID: landmarks.finishedWorkflow.id).collect().first { $0.type == .build })
        _ = try await client.jobDetails(project: CacheHarness.api, number: number)
        _ = try await client.job(id: job.id)
        _ = try await client.pipelineConfig(pipelineID: landmarks.settledPipelineID)
        harness.clock.advance(seconds: 86_400)
        let later = try await harness.requests {
            _ = try await client.jobDetails(project: CacheHarness.api, number: number)
            _ = try await client.job(id: job.id)
            _ = try await client.pipelineConfig(pipelineID: landmarks.settledPipelineID)
        }
        #expect(later.count == 0)
        let stats = try await cache.stats()
        #expect(stats.settled == 4 && stats.expiring == 0, "\(stats)")
    }

    @Test func aFinishedJobsStepsAreKeptUntilTheirOutputURLsExpire() async throws {
        let harness = try CacheHarness()
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let client = try harness.client(harness.cache())
        func steps() async throws -> Int {
            try await harness.requests {
                _ = try await client.jobSteps(project: CacheHarness.api, jobNumber: landmarks.finishedJobNumber)
            }.count
        }
        #expect(try await steps() == 1)
        // The simulator signs output URLs for an hour from its `now`; the cache stops 5 minutes short.
        harness.clock.advance(seconds: 3_299)
        #expect(try await steps() == 0, "long past the time to live")
        harness.clock.advance(seconds: 2)
        #expect(try await steps() == 1, "fetched again before the URLs in it expire")
    }

    @Test func theSettledHintKeepsAFinishedJobsTests() async throws {
        let harness = try CacheHarness()
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let client = try harness.client(harness.cache())
        let number = landmarks.finishedJobNumber
        func tests(hint: CacheHint) async throws -> Int {
            try await harness.requests {
                try await CacheHint.$current.withValue(hint) {
                    _ = try await client.tests(project: CacheHarness.api, jobNumber: number).collect()
                    _ = try await client.artifacts(project: CacheHarness.api, jobNumber: number).collect()
                }
            }.count
        }
        let unhinted = try await tests(hint: .unknown)
        #expect(unhinted >= 2)
        harness.clock.advance(seconds: 61)
        #expect(try await tests(hint: .settled) == unhinted, "expired without the hint; stored settled now")
        harness.clock.advance(seconds: 86_400)
        #expect(try await tests(hint: .unknown) == 0, "a day later still answered from the cache")
    }

    @Test func aWriteDropsWhatItMayHaveMadeStale() async throws {
        let harness = try CacheHarness()
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let cache = harness.cache()
        let client = try harness.client(cache)
        let workflowsBefore = try await client.workflows(pipelineID: landmarks.settledPipelineID).collect()
        _ = try await client.jobs(workflowID: landmarks.finishedWorkflow.id).collect()
        _ = try await client.pipelines(project: CacheHarness.api).collect(limit: 1)
        #expect(
            try await harness.requests { try await client.workflows(pipelineID: landmarks.settledPipelineID).collect() }
                .count == 0)

        let rerun = try #require(workflowsBefore.first)
        _ = try await client.rerunWorkflow(id: rerun.id)

        let after = try await harness.requests {
            (
                try await client.workflows(pipelineID: landmarks.settledPipelineID).collect(),
                try await client.pipelines(project: CacheHarness.api).collect(limit: 1)
            )
        }
        #expect(after.count == 2, "the pipeline's workflows and the pipeline list are fetched again")
        #expect(after.value.0.count == workflowsBefore.count + 1, "the rerun is there")
        #expect(
            try await harness.requests { try await client.jobs(workflowID: landmarks.finishedWorkflow.id).collect() }
                .count == 0,
            "a finished workflow's jobs cannot change")
    }
}
