import Foundation
import HTTPTypes

/// Pauses requests while CircleCI says the rate-limit window is used up.
///
/// When a response reports no remaining requests (`RateLimit-Remaining: 0` or
/// `X-RateLimit-Remaining: 0`) with a reset time, later requests through this
/// middleware — from any task sharing the client — wait until the reset,
/// capped by ``RetryPolicy/maxRetryAfter``.
public struct RateLimitMiddleware: ClientMiddleware {
    private let gate = RateLimitGate()
    private let clock: ClientClock
    private let maxPause: Duration
    private let metrics: RequestMetrics?

    /// Creates the middleware.
    public init(clock: ClientClock = .system, maxPause: Duration = .seconds(60), metrics: RequestMetrics? = nil) {
        self.clock = clock
        self.maxPause = maxPause
        self.metrics = metrics
    }

    /// Waits for the window if needed, sends, and records what the response says.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        if let wait = await gate.remainingPause(now: clock.now()) {
            metrics?.recordWait(wait)
            try await clock.sleep(wait)
        }
        let (response, data) = try await next(request, body, baseURL)
        let now = clock.now()
        if let pause = RateLimitHeaders.pause(response, now: now) {
            await gate.close(until: now.addingTimeInterval(RetryPolicy.seconds(min(pause, maxPause))))
        }
        return (response, data)
    }
}

/// The shared "no requests before" time.
actor RateLimitGate {
    private var openAt: Date?

    /// How long to wait from `now`, or `nil` when requests may go.
    func remainingPause(now: Date) -> Duration? {
        guard let openAt else { return nil }
        let seconds = openAt.timeIntervalSince(now)
        guard seconds > 0 else {
            self.openAt = nil
            return nil
        }
        return .seconds(seconds)
    }

    /// Keeps requests waiting until `date`.
    func close(until date: Date) {
        openAt = max(openAt ?? date, date)
    }
}
