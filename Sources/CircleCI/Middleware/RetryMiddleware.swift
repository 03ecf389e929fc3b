import Foundation
import HTTPTypes

/// Retries requests as a ``RetryPolicy`` allows.
///
/// When the attempts run out, the last response is returned (so the client
/// reports the 429 or 503 with CircleCI's message) or the last error rethrown;
/// the client's error then says how many attempts were made. A `Retry-After`
/// longer than ``RetryPolicy/maxRetryAfter`` is not waited for: the response
/// is returned at once and the client's error says when CircleCI asked to come
/// back. Cancellation is never retried and interrupts any wait.
public struct RetryMiddleware: ClientMiddleware {
    /// The retry rules.
    public let policy: RetryPolicy
    private let clock: ClientClock
    private let metrics: RequestMetrics?

    /// Creates the middleware.
    public init(policy: RetryPolicy = .default, clock: ClientClock = .system, metrics: RequestMetrics? = nil) {
        self.policy = policy
        self.clock = clock
        self.metrics = metrics
    }

    /// Sends the request, retrying while the policy allows.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        let idempotent = RetryPolicy.isIdempotent(request.method)
        let trace = RetryTrace.current
        var attempt = 1
        while true {
            let delay: Duration
            trace?.recordAttempt()
            do {
                let (response, data) = try await next(request, body, baseURL)
                guard attempt < policy.maxAttempts,
                    let wait = retryDelay(for: response, idempotent: idempotent, retry: attempt)
                else { return (response, data) }
                delay = wait
            } catch {
                guard attempt < policy.maxAttempts, shouldRetry(error, idempotent: idempotent) else { throw error }
                delay = policy.backoff(beforeRetry: attempt)
            }
            metrics?.recordRetry()
            metrics?.recordWait(delay)
            try await clock.sleep(delay)
            attempt += 1
        }
    }

    /// The wait before retrying after `response`, or `nil` to stop.
    ///
    /// A 429 is retried whatever the method: the rate limiter turned the
    /// request away before it took effect. A 5xx is retried for idempotent
    /// methods only, because the request may have been carried out; see
    /// ``RetryPolicy/retries(status:idempotent:)``.
    private func retryDelay(for response: HTTPResponse, idempotent: Bool, retry: Int) -> Duration? {
        guard policy.retries(status: response.status.code, idempotent: idempotent) else { return nil }
        guard let retryAfter = RateLimitHeaders.retryAfter(response, now: clock.now()) else {
            return policy.backoff(beforeRetry: retry)
        }
        return retryAfter <= policy.maxRetryAfter ? retryAfter : nil
    }

    private func shouldRetry(_ error: any Error, idempotent: Bool) -> Bool {
        guard let error = error as? TransportError else { return false }
        switch error.kind {
        case .requestNotSent: return true
        case .connectionLost, .timedOut: return idempotent
        case .other: return false
        }
    }
}
