import CircleCI
import Foundation

/// A deterministic fake CircleCI organisation that answers the CircleCI API
/// (v2, the v1.1 job endpoint and presigned step-output URLs) in-process and
/// on loopback.
///
/// ```swift
/// let sim = Simulator(now: fixedDate, seed: 7)
/// // In-process: hand `sim.transport` to the client, base URL `Simulator.apiBaseURL`,
/// // token `Simulator.demoToken`.
/// let host = try await sim.startServer(port: 0)      // http://127.0.0.1:54321
/// // GET \(host)/api/v2/project/gh/acme/api/pipeline with `Circle-Token: \(Simulator.demoToken)`
/// await sim.stopServer()
/// ```
///
/// Knobs: ``faults`` (latency, 429/5xx bursts, far `Retry-After`s,
/// truncated, slow, cut-short and reset bodies, requests never answered,
/// bodies echoing the token, cross-host redirects, HTML pages; scoped to
/// matching requests, down to page N of a list) and ``requestLog`` (what was asked,
/// by which operation, with or without credentials, and the status; how
/// many requests are in flight now and at most).
///
/// The same `seed` and `now` always produce the same organisation and
/// byte-identical responses. Writes (trigger, rerun, cancel, approve) change
/// the simulator's state until ``resetWorld()``.
public final class Simulator: Sendable {
    /// The personal API token the fake organisation accepts unless it is made
    /// with another (``token``); any other is a 401.
    public static let demoToken = "CCIPAT_SimulatorDemo0000000000_5f1d6c2a9b3e4d7f8a0b1c2d3e4f5a6b7c8d9e0f"

    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 2025

    /// The API root the in-process transport answers for (`https://circleci.com/api/v2`).
    public static let apiBaseURL = URL(string: "https://circleci.com/api/v2")!

    /// The authority of presigned step-output URLs in-process; a `.invalid`
    /// name, so nothing can ever reach a real host.
    public static let inProcessOutputBaseURL = URL(string: "https://step-output.simulator.invalid")!

    /// The current time truncated to the hour, so a demo shows "this week"
    /// while staying stable for an hour.
    public static func defaultNow() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 3600).rounded(.down) * 3600)
    }

    /// The instant the organisation is observed at.
    public let now: Date
    /// The seed of the generated organisation.
    public let seed: UInt64
    /// The only token the API accepts: ``demoToken`` unless another was given.
    public let token: String
    /// The in-process transport: no sockets, same router, faults and log.
    public let transport: SimulatorTransport
    /// Latency and fault injection for both transports.
    public let faults: FaultInjector
    /// Every request answered since the last reset.
    public let requestLog: RequestLog

    private let store: WorldStore
    private let server: LoopbackServer

    /// Generates the organisation.
    ///
    /// - Parameters:
    ///   - now: the instant the data is relative to; defaults to ``defaultNow()``.
    ///   - seed: the seed of every random choice.
    ///   - token: the only token the API accepts, e.g. a distinctive one a test
    ///     looks for in everything a client wrote.
    public init(now: Date = Simulator.defaultNow(), seed: UInt64 = Simulator.defaultSeed,
                token: String = Simulator.demoToken) {
        self.now = now
        self.seed = seed
        self.token = token
        store = WorldStore(WorldGenerator(seed: seed, now: now).generate())
        faults = FaultInjector()
        requestLog = RequestLog()
        let engine = SimulatorEngine(store: store, faults: faults, log: requestLog, token: token)
        transport = SimulatorTransport(engine: engine, outputBaseURL: Self.inProcessOutputBaseURL)
        server = LoopbackServer(engine: engine)
    }

    /// Starts the loopback server (API on `127.0.0.1:port`, `0` for an
    /// ephemeral port; step output on `127.0.0.2`). Returns the host URL,
    /// e.g. `http://127.0.0.1:54321`; the API lives under `/api/v2` and
    /// `/api/v1.1`. Starting twice returns the running server's URL.
    public func startServer(port: UInt16 = 0) async throws -> URL {
        try await server.start(port: port)
    }

    /// Stops the loopback server.
    public func stopServer() async {
        await server.stop()
    }

    /// Serves on `port` until the calling task is cancelled, then stops.
    ///
    /// - Parameter onReady: called with the host URL once listening.
    public func run(port: UInt16 = 0, onReady: @Sendable (URL) async -> Void = { _ in }) async throws {
        let url = try await startServer(port: port)
        await onReady(url)
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
        await stopServer()
    }

    /// Drops every write (triggered pipelines, reruns, cancels, approvals).
    public func resetWorld() async {
        await store.reset()
    }

    /// How many writes have changed the world since it was generated or reset.
    public func mutationCount() async -> Int {
        await store.mutationCount
    }

    /// The slugs of every simulated project, e.g. `gh/acme/api`.
    public func projectSlugs() async -> [String] {
        await store.snapshot().projects.map(\.slug)
    }
}
