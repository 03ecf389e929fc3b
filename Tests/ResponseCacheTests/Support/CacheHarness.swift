import CircleCI
import CircleCISimulator
import Foundation
import ResponseCache

/// A simulator, a scratch cache directory and a hand-moved clock; clients made
/// here send through a ``CachingMiddleware`` to the in-process simulator.
final class CacheHarness: Sendable {
    static let pinnedNow = Date(timeIntervalSince1970: 1_795_176_000)  // 2026-11-20T12:00:00Z
    static let api: ProjectSlug = {
        guard let slug = try? ProjectSlug("gh/acme/api") else { fatalError("bad slug literal") }
        return slug
    }()

    let simulator = Simulator(now: CacheHarness.pinnedNow)
    let directory: URL
    let clock = ManualClock(CacheHarness.pinnedNow)
    let warnings = WarningLog()
    let identity = CacheIdentity(host: Simulator.apiBaseURL, token: Simulator.demoToken)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "cq-cache-tests-\(UUID().uuidString)/cq")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    /// The database file of caches made here.
    var databaseURL: URL { directory.appending(path: ResponseCache.databaseFileName) }

    /// A cache over ``directory`` with this harness's clock and warning log.
    func cache(sizeLimit: Int = 200_000_000) -> ResponseCache {
        ResponseCache(
            directory: directory, options: .init(sizeLimit: sizeLimit, now: clock.reading), onWarning: warnings.callback
        )
    }

    /// A client whose requests go through `cache` to the in-process simulator.
    func client(
        _ cache: ResponseCache, mode: CacheMode = .normal, timeToLive: Duration = .seconds(60),
        identity: CacheIdentity? = nil
    ) throws -> CircleCIClient {
        var configuration = try CircleCIConfiguration(host: "https://circleci.com", token: Simulator.demoToken)
        configuration.retryPolicy = .none
        let metrics = RequestMetrics()
        let caching = CachingMiddleware(
            cache: cache, identity: identity ?? self.identity, mode: mode, timeToLive: timeToLive, metrics: metrics)
        return CircleCIClient(
            configuration: configuration, transport: simulator.transport, middlewares: [caching], metrics: metrics)
    }

    /// A client that reaches the simulator without any cache.
    func uncachedClient() throws -> CircleCIClient {
        CircleCIClient(
            configuration: try CircleCIConfiguration(host: "https://circleci.com", token: Simulator.demoToken),
            transport: simulator.transport)
    }

    /// How many requests reached the simulator while `body` ran, and its result.
    func requests<T>(_ body: () async throws -> T) async rethrows -> (count: Int, value: T) {
        let before = await simulator.requestLog.count
        let value = try await body()
        return (await simulator.requestLog.count - before, value)
    }
}
