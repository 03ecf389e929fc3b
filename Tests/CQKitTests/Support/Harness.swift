import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation

/// 2026-11-20T12:00:00Z, the instant every test organisation is generated for
/// (the same as `CQ_NOW` in the end-to-end tests).
let fixedNow = Date(timeIntervalSince1970: 1_795_176_000)

/// The busiest simulated project (about 60 pipelines, three pages).
let busyProject = "gh/acme/api"

/// A simulated organisation, a client that counts its requests, and an engine over them.
struct Harness: Sendable {
    let simulator: Simulator
    let metrics: RequestMetrics
    let session: APISession
    let engine: CQEngine

    /// One organisation shared by the tests that only read and do not look
    /// at its request log: generating one costs CPU other suites need.
    static let sharedSimulator = Simulator(now: fixedNow)

    /// An engine over `simulator`; by default the shared organisation, or a
    /// fresh one when writes are allowed. `token` is what the client presents.
    init(
        allowWrites: Bool = false, token: String? = Simulator.demoToken, evaluation: EvaluationOptions? = nil,
        simulator: Simulator? = nil, middlewares: [any ClientMiddleware] = []
    ) {
        self.simulator = simulator ?? (allowWrites ? Simulator(now: fixedNow) : Self.sharedSimulator)
        metrics = RequestMetrics()
        let configuration = CircleCIConfiguration(
            host: CircleCIConfiguration.defaultHost, token: token, retryPolicy: .none)
        let client = CircleCIClient(
            configuration: configuration, transport: self.simulator.transport, middlewares: middlewares, metrics: metrics)
        session = APISession(client: client, apiHost: configuration.host)
        var options = evaluation ?? EvaluationOptions()
        if evaluation == nil { options.allowWrites = allowWrites }
        engine = CQEngine(session: session, options: EngineOptions(evaluation: options, now: { fixedNow }))
    }

    /// The whole result of `query`.
    func evaluate(_ query: String) async throws -> Value {
        try await engine.evaluate(query)
    }

    /// The result of `query` and the requests it cost.
    func cost(of query: String) async throws -> (value: Value, requests: RequestMetrics.Snapshot) {
        metrics.reset()
        let value = try await engine.evaluate(query)
        return (value, metrics.snapshot)
    }

    /// The rows of a list result (a single value is one row).
    func rows(_ query: String) async throws -> [Value] {
        let value = try await evaluate(query)
        return value.listValue ?? [value]
    }
}

extension RequestMetrics.Snapshot {
    /// Requests made to one operation.
    subscript(_ operationID: String) -> Int { requestsByOperation[operationID] ?? 0 }
}

extension Value {
    /// The record's field `name`, or `nil`.
    subscript(_ name: String) -> Value? { recordValue?[name] }
}
