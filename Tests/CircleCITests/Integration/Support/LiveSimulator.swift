import CircleCI
import CircleCISimulator
import Foundation
import Synchronization

/// The instant every integration world is generated for: 2025-11-05T14:00:00Z.
let integrationNow = Date(timeIntervalSince1970: 1_762_351_200)

/// A simulator serving on 127.0.0.1 (port 0) and a client talking to it over
/// real HTTP with `URLSessionTransport`.
struct LiveSimulator: Sendable {
    /// The simulated organisation.
    let simulator: Simulator
    /// `http://127.0.0.1:<port>`.
    let host: URL
    /// A client with the demo token, a virtual clock for retry waits and no jitter.
    let client: CircleCIClient
    /// The clock the client waits on; it records every wait.
    let clock: VirtualClock

    /// The simulator's request log.
    var log: RequestLog { simulator.requestLog }

    /// Another client for the same server, e.g. with a different token or limits.
    func makeClient(
        token: String? = Simulator.demoToken,
        requestTimeout: Duration = .seconds(10),
        retryPolicy: RetryPolicy = LiveSimulator.fastRetries
    ) -> CircleCIClient {
        Self.makeClient(host: host, clock: clock, token: token, requestTimeout: requestTimeout, retryPolicy: retryPolicy)
    }

    fileprivate static func makeClient(
        host: URL, clock: VirtualClock, token: String? = Simulator.demoToken, requestTimeout: Duration = .seconds(10),
        retryPolicy: RetryPolicy = LiveSimulator.fastRetries
    ) -> CircleCIClient {
        let configuration = CircleCIConfiguration(
            host: host, token: token, requestTimeout: requestTimeout, deadline: .seconds(30),
            retryPolicy: retryPolicy, clock: clock.clock)
        return CircleCIClient(configuration: configuration, transport: URLSessionTransport())
    }

    /// The default retry rules with tiny, jitter-free back-off (waits are virtual anyway).
    static let fastRetries = RetryPolicy(baseDelay: .milliseconds(10), maxDelay: .milliseconds(80), jitter: 0)
}

/// Runs `body` against a fresh simulator on loopback, stopping the server afterwards.
func withLiveSimulator<Result: Sendable>(
    now: Date = integrationNow,
    _ body: (LiveSimulator) async throws -> Result
) async throws -> Result {
    let simulator = Simulator(now: now)
    let host = try await simulator.startServer(port: 0)
    let clock = VirtualClock(start: now)
    let live = LiveSimulator(
        simulator: simulator, host: host, client: LiveSimulator.makeClient(host: host, clock: clock), clock: clock)
    do {
        let result = try await body(live)
        await simulator.stopServer()
        return result
    } catch {
        await simulator.stopServer()
        throw error
    }
}

/// A clock whose sleeps return at once and move its `now` forward, so retry
/// back-off, `Retry-After` and rate-limit pauses cost no real time but still
/// see time pass.
final class VirtualClock: Sendable {
    private struct State {
        var now: Date
        var sleeps: [Duration] = []
    }

    private let state: Mutex<State>

    /// Creates a clock reading `start`.
    init(start: Date) {
        state = Mutex(State(now: start))
    }

    /// Every wait the client asked for, in order.
    var recordedSleeps: [Duration] { state.withLock { $0.sleeps } }

    /// The clock to put in a ``CircleCIConfiguration``.
    var clock: ClientClock {
        ClientClock(
            now: { [self] in state.withLock { $0.now } },
            sleep: { [self] duration in
                try Task.checkCancellation()
                state.withLock { state in
                    state.sleeps.append(duration)
                    state.now = state.now.addingTimeInterval(duration.timeInterval)
                }
            })
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    fileprivate var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
