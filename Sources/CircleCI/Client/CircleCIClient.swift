import Foundation
import HTTPTypes

/// A typed client for the CircleCI API v2 (and the v1.1 step endpoints).
///
/// ```swift
/// let resolved = try CircleCIConfiguration.resolve(
///     environment: ProcessInfo.processInfo.environment,
///     homeDirectory: FileManager.default.homeDirectoryForCurrentUser,
///     explicitHost: nil)
/// let client = CircleCIClient(configuration: resolved.configuration, transport: URLSessionTransport())
/// for try await pipeline in client.pipelines(project: try ProjectSlug("gh/acme/api")).prefix(3) {
///     print(pipeline.number, pipeline.state)
/// }
/// ```
///
/// The client is a value: copies share the transport, the middleware and the
/// ``metrics``. Every failure is a ``CircleCIError``.
public struct CircleCIClient: Sendable {
    /// The host, token and limits the client was made with.
    public let configuration: CircleCIConfiguration
    /// What the client has sent and received so far.
    public let metrics: RequestMetrics
    private let transport: any ClientTransport
    private let chain: [any ClientMiddleware]

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: the host, token, limits and clock.
    ///   - transport: ``URLSessionTransport`` for real HTTP, or the simulator's transport.
    ///   - middlewares: the caller's middleware (a cache, a request budget, logging). They run
    ///     outermost, in order, around the client's own retry, rate-limit, authentication,
    ///     redirect, concurrency-limit, metrics and time-out middleware; see ``ClientMiddleware``.
    ///   - metrics: the counters to record into; pass one to share it between clients.
    public init(
        configuration: CircleCIConfiguration,
        transport: any ClientTransport,
        middlewares: [any ClientMiddleware] = [],
        metrics: RequestMetrics = RequestMetrics()
    ) {
        self.configuration = configuration
        self.metrics = metrics
        self.transport = transport
        var builtIn: [any ClientMiddleware] = [
            RetryMiddleware(policy: configuration.retryPolicy, clock: configuration.clock, metrics: metrics),
            RateLimitMiddleware(
                clock: configuration.clock, maxPause: configuration.retryPolicy.maxRetryAfter, metrics: metrics),
        ]
        if let token = configuration.token, !token.isEmpty {
            builtIn.append(AuthenticationMiddleware(token: token, host: configuration.apiBaseURL))
        }
        builtIn += [
            RedirectMiddleware(),
            ConcurrencyLimitMiddleware(),
            MetricsMiddleware(metrics: metrics),
            TimeoutMiddleware(timeout: configuration.requestTimeout),
        ]
        self.chain = middlewares + builtIn
    }

    /// Sends a request through the middleware chain and the transport.
    func perform(_ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, Data
    ) {
        let transport = self.transport
        var next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data) = { request, body, url in
            try await transport.send(request, body: body, baseURL: url, operationID: operationID)
        }
        for middleware in chain.reversed() {
            let inner = next
            next = { request, body, url in
                try await middleware.intercept(request, body: body, baseURL: url, operationID: operationID, next: inner)
            }
        }
        return try await next(request, body, baseURL)
    }
}
