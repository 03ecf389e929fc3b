import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation

/// "Requests are the cost": queries against the simulator's HTTP server with
/// a fixed latency per request, as a user 100 ms from CircleCI feels them.
struct RoundTrips {
    /// One run of a query.
    struct Run {
        var rows: Value
        var seconds: Double
        var work: RequestMetrics.Snapshot
    }

    let host: URL
    let now: Date
    let latency: Duration

    /// Runs `query` with a fresh client over HTTP and reads its whole result.
    func run(
        _ query: String, concurrency: Int = EvaluationOptions().concurrency, plans: Bool = true,
        middlewares: [any ClientMiddleware] = [], metrics: RequestMetrics = RequestMetrics()
    ) async throws -> Run {
        let client = CircleCIClient(
            configuration: CircleCIConfiguration(host: host, token: Simulator.demoToken), transport: URLSessionTransport(),
            middlewares: middlewares, metrics: metrics)
        let engine = CQEngine(
            session: APISession(client: client, apiHost: host),
            options: EngineOptions(evaluation: EvaluationOptions(concurrency: concurrency), now: { now }, plansQueries: plans))
        let before = metrics.snapshot
        metrics.resetPeakInFlight()
        let start = ContinuousClock.now
        let rows = try await engine.evaluate(query)
        let seconds = Measure.seconds(since: start)
        var work = metrics.snapshot
        work.requests -= before.requests
        work.pages -= before.pages
        work.cacheHits -= before.cacheHits
        return Run(rows: rows, seconds: seconds, work: work)
    }

    /// The least wall time `requests` can take at `concurrency` requests in
    /// flight when the longest chain of requests that wait on each other is
    /// `depth` long.
    func bound(requests: Int, concurrency: Int, depth: Int) -> Double {
        let roundTrips = max((requests + concurrency - 1) / concurrency, depth)
        return Double(roundTrips) * Self.seconds(latency)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
