import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation

/// The CircleCI connection a run uses: the real API, or the demo simulator.
struct Services {
    /// The session the builtins call through.
    let session: APISession
    /// Whether a token is configured (the demo always has one).
    let hasToken: Bool
    /// Counts of the HTTP requests made.
    let metrics: RequestMetrics
    /// The clock `now()` reads; `CQ_NOW` pins it (tests, reproducible examples).
    let now: @Sendable () -> Date
    /// Looks up project slugs and names for Tab completion in the background,
    /// through a client of its own; nil without a token.
    var nameDiscovery: NameDiscovery?
    /// Where completion keeps what it learnt; nil for the demo, whose
    /// projects are not the user's.
    var completionCachePath: String?

    /// Sets up the connection from the options and the environment, printing
    /// configuration warnings to standard error.
    static func make(_ options: GlobalOptions) async throws -> Services {
        let environment = ProcessInfo.processInfo.environment
        let now = try clock(environment)
        let metrics = RequestMetrics()
        if options.demo {
            let simulator = Simulator(now: now())
            if let latency = environment["CQ_DEMO_LATENCY_MS"].flatMap(Int.init), latency > 0 {
                // Makes the demo organisation answer slowly, to see progress and Ctrl-C at work.
                await simulator.faults.setLatency(.milliseconds(latency))
            }
            var configuration = try CircleCIConfiguration(host: "https://circleci.com", token: Simulator.demoToken)
            try options.applyWaits(to: &configuration)
            Terminal.redactMessages(with: configuration.redactor)
            let client = CircleCIClient(configuration: configuration, transport: simulator.transport, metrics: metrics)
            var services = Services(
                session: APISession(client: client, apiHost: configuration.host), hasToken: true, metrics: metrics, now: now)
            services.nameDiscovery = NameDiscovery(
                client: CircleCIClient(configuration: configuration, transport: simulator.transport))
            return services
        }
        let resolved = try CircleCIConfiguration.resolve(
            environment: environment, homeDirectory: homeDirectory(environment),
            explicitHost: options.host)
        var configuration = resolved.configuration
        try options.applyWaits(to: &configuration)
        Terminal.redactMessages(with: configuration.redactor)
        for warning in resolved.warnings { Terminal.printError("cq: warning: \(warning)\n") }
        let client = CircleCIClient(
            configuration: configuration, transport: URLSessionTransport(),
            middlewares: cacheMiddlewares(options.cache, configuration: configuration, metrics: metrics, environment: environment),
            metrics: metrics)
        var services = Services(
            session: APISession(client: client, apiHost: configuration.host), hasToken: configuration.token != nil,
            metrics: metrics, now: now)
        if services.hasToken {
            services.nameDiscovery = NameDiscovery(
                client: CircleCIClient(configuration: configuration, transport: URLSessionTransport()))
        }
        services.completionCachePath = CompletionCache.defaultPath(environment: environment)
        return services
    }

    /// The engine for these services and options; `standardInput` says
    /// whether `open("-")` may read data from standard input.
    func engine(
        _ options: GlobalOptions,
        standardInput: StandardInputAccess = .unavailable(reason: "this command does not read data from it")
    ) throws -> CQEngine {
        CQEngine(
            session: session,
            options: EngineOptions(evaluation: try options.evaluationOptions(standardInput: standardInput), now: now))
    }

    /// `$HOME`, as the `circleci` CLI reads it; the account's home only when unset.
    /// (Foundation's `homeDirectoryForCurrentUser` ignores `$HOME` on Linux.)
    private static func homeDirectory(_ environment: [String: String]) -> URL {
        guard let home = environment["HOME"], !home.isEmpty else { return FileManager.default.homeDirectoryForCurrentUser }
        return URL(fileURLWithPath: home, isDirectory: true)
    }

    /// The clock `now()` reads: `CQ_NOW` when set, the real one otherwise.
    static func clock(_ environment: [String: String]) throws -> @Sendable () -> Date {
        guard let text = environment["CQ_NOW"] else { return { Date() } }
        guard let date = Timestamp.parse(text) else {
            throw CommandFailure(.usage, "CQ_NOW must be an ISO 8601 timestamp, e.g. 2026-11-20T12:00:00Z")
        }
        return { date }
    }

    /// A session for commands that never call the API (`check`, `help`):
    /// the CircleCI builtins are known but have no token and no network.
    static var offlineSession: APISession {
        let configuration = CircleCIConfiguration(host: CircleCIConfiguration.defaultHost, token: nil)
        return APISession(
            client: CircleCIClient(configuration: configuration, transport: URLSessionTransport()),
            apiHost: configuration.host)
    }

    /// The message for a query that needs the API when no token is set.
    static let missingTokenMessage = """
        cq: this query calls the CircleCI API, but no token is set.
          Create a personal API token at https://app.circleci.com/settings/user/tokens, then:
            export CIRCLECI_TOKEN=<your token>
          (cq also reads CIRCLE_TOKEN and the token in ~/.circleci/cli.yml.)
          To try cq without a token, add --demo to query the built-in demo organisation.

        """
}

/// A failure that ends `cq` with a message and an exit status.
struct CommandFailure: Error {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}
