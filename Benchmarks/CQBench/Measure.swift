import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation

/// Timing helpers for the benchmarks.
enum Measure {
    struct QueryResult {
        var requests: Int
        var milliseconds: Double
    }

    /// Runs `query` against a fresh simulator (in-process, or over HTTP at `host`),
    /// reading the whole result, and counts the requests it made.
    static func run(_ query: String, now: Date, host: URL? = nil) async throws -> QueryResult {
        let metrics = RequestMetrics()
        let client: CircleCIClient
        if let host {
            client = CircleCIClient(
                configuration: CircleCIConfiguration(host: host, token: Simulator.demoToken), transport: URLSessionTransport(),
                metrics: metrics)
        } else {
            client = CircleCIClient(
                configuration: CircleCIConfiguration(token: Simulator.demoToken), transport: Simulator(now: now).transport,
                metrics: metrics)
        }
        let engine = CQEngine(
            session: APISession(client: client, apiHost: client.configuration.host), options: EngineOptions(now: { now }))
        let start = ContinuousClock.now
        _ = try await engine.evaluate(query)
        return QueryResult(requests: metrics.snapshot.requests, milliseconds: milliseconds(since: start))
    }

    /// Evaluates `source` with the standard library only.
    static func evaluate(_ source: String, variables: [String: Value]) async throws -> Double {
        let engine = CQEngine(session: nil)
        let start = ContinuousClock.now
        _ = try await engine.evaluate(source, arguments: variables)
        return milliseconds(since: start)
    }

    /// The mean wall time of `body` in milliseconds over `count` runs.
    static func time(repeat count: Int, _ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        for _ in 0..<count { body() }
        return milliseconds(since: start) / Double(count)
    }

    static func offlineSession() -> APISession {
        let configuration = CircleCIConfiguration()
        return APISession(
            client: CircleCIClient(configuration: configuration, transport: URLSessionTransport()), apiHost: configuration.host)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        milliseconds(since: start) / 1000
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
