import CircleCI
import CircleCISimulator
import Foundation
import ResponseCache
import Testing

/// A client with the caching middleware, against the simulator: what is
/// answered from the cache and what still reaches CircleCI.
@Suite struct HitAndMissTests {
    @Test func aSecondRunIsAnsweredFromTheCache() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        let first = try harness.client(cache)
        let cold = try await harness.requests { try await first.walk() }
        #expect(cold.count > 10)
        #expect(first.metrics.snapshot.cacheHits == 0)

        let second = try harness.client(cache)
        let warm = try await harness.requests { try await second.walk() }
        #expect(warm.count == 0, "every response is still fresh")
        #expect(warm.value == cold.value, "the same answer")
        #expect(second.metrics.snapshot.cacheHits == cold.count)
        #expect(second.metrics.snapshot.requests == 0)
        #expect(second.metrics.snapshot.cacheHitsByOperation["listWorkflowJobs"] ?? 0 > 0)
        #expect(harness.warnings.all.isEmpty)
    }

    @Test func anotherIdentityNeverReadsTheseEntries() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        let cold = try await harness.requests { try await harness.client(cache).walk() }

        let otherToken = CacheIdentity(host: Simulator.apiBaseURL, token: "CCIPAT_another_token")
        let otherHost = CacheIdentity(host: URL(literal: "https://circleci.example.com"), token: Simulator.demoToken)
        #expect(otherToken != harness.identity && otherHost != harness.identity)
        for identity in [otherToken, otherHost] {
            let other = try harness.client(cache, identity: identity)
            let run = try await harness.requests { try await other.walk() }
            #expect(run.count == cold.count, "\(identity) starts cold")
            #expect(other.metrics.snapshot.cacheHits == 0)
        }
    }

    @Test func aRejectedTokenStoresNothing() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        var configuration = try CircleCIConfiguration(host: "https://circleci.com", token: "CCIPAT_wrong")
        configuration.retryPolicy = .none
        let client = CircleCIClient(
            configuration: configuration, transport: harness.simulator.transport,
            middlewares: [CachingMiddleware(cache: cache, identity: CacheIdentity(configuration: configuration))])
        for _ in 0..<2 {
            let error = await #expect(throws: CircleCIError.self) { try await client.me() }
            #expect(error?.kind == .unauthorized)
        }
        #expect(await harness.simulator.requestLog.count == 2, "a 401 is never stored")
        #expect(try await cache.stats().entries == 0)
    }

    @Test func refreshRefetchesAndRewrites() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        let cold = try await harness.requests { try await harness.client(cache).walk() }

        harness.clock.advance(seconds: 50)
        let refresh = try harness.client(cache, mode: .refresh)
        let refreshed = try await harness.requests { try await refresh.walk() }
        #expect(refreshed.count == cold.count, "refresh never reads the cache")
        #expect(refresh.metrics.snapshot.cacheHits == 0)

        // 100 s after the first run its lists would have expired; the refresh rewrote them at 50 s.
        harness.clock.advance(seconds: 50)
        let warm = try await harness.requests { try await harness.client(cache).walk() }
        #expect(warm.count == 0)
        #expect(warm.value == cold.value)
    }

    @Test func offPassesStraightThrough() async throws {
        let harness = try CacheHarness()
        let cache = harness.cache()
        let first = try await harness.requests { try await harness.client(cache, mode: .off).walk() }
        let off = try harness.client(cache, mode: .off)
        let second = try await harness.requests { try await off.walk() }
        #expect(second.count == first.count)
        #expect(off.metrics.snapshot.cacheHits == 0)
        #expect(!FileManager.default.fileExists(atPath: harness.databaseURL.path), "reads alone never open the cache")
        #expect(try await cache.stats().entries == 0)
    }

    @Test func overRealHTTPWithStepOutputFromThePresignedHost() async throws {
        let harness = try CacheHarness()
        let landmarks = try await Landmarks.discover(harness.uncachedClient())
        let host = try await harness.simulator.startServer(port: 0)
        do {
            try await stepOutputAndReads(harness, host: host, landmarks: landmarks)
        } catch {
            await harness.simulator.stopServer()
            throw error
        }
        await harness.simulator.stopServer()
    }

    private func stepOutputAndReads(_ harness: CacheHarness, host: URL, landmarks: Landmarks) async throws {
        var configuration = CircleCIConfiguration(host: host, token: Simulator.demoToken)
        configuration.retryPolicy = .none
        let cache = harness.cache()

        func logs(_ metrics: RequestMetrics) async throws -> [String] {
            let client = CircleCIClient(
                configuration: configuration, transport: URLSessionTransport(),
                middlewares: [
                    CachingMiddleware(
                        cache: cache, identity: CacheIdentity(configuration: configuration), metrics: metrics)
                ],
                metrics: metrics)
            let steps = try await client.jobSteps(project: CacheHarness.api, jobNumber: landmarks.finishedJobNumber)
            var lines = try await client.walk(pipelines: 2)
            for action in steps.flatMap(\.actions) where action.outputURL != nil {
                let output = try await CacheHint.$current.withValue(.settled) { try await client.stepOutput(action) }
                lines += output.map(\.message)
            }
            return lines
        }

        await harness.simulator.requestLog.reset()
        let coldMetrics = RequestMetrics()
        let cold = try await logs(coldMetrics)
        let coldLog = await harness.simulator.requestLog.entries
        #expect(coldLog.contains { $0.operationID == "getStepOutput" && $0.host == .output })
        #expect(coldLog.contains { $0.operationID == "getBuildV1" })

        let warmMetrics = RequestMetrics()
        let warm = try await harness.requests { try await logs(warmMetrics) }
        #expect(warm.count == 0, "v2, v1.1 and the presigned output host all answered from the cache")
        #expect(warm.value == cold)
        #expect(warmMetrics.snapshot.cacheHits == coldLog.count)
        #expect(warmMetrics.snapshot.cacheHitsByOperation["getStepOutput"] ?? 0 > 0)
    }
}
