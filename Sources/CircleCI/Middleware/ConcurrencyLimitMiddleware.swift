import Foundation
import HTTPTypes

/// Holds each request to the ``RequestLimiter`` bound to the current task
/// (``RequestLimiter/current``), and tells it how the request went.
///
/// With no limiter bound, requests pass straight through. A 429 response
/// lowers the limit and any other response below 500 counts as a success;
/// 5xx responses, failures and cancellations leave it alone. The permit is
/// held only while the request is on the wire: retries, their back-off and
/// `Retry-After` waits happen outside it, in ``RetryMiddleware`` and
/// ``RateLimitMiddleware``.
public struct ConcurrencyLimitMiddleware: ClientMiddleware {
    /// Creates the middleware.
    public init() {}

    /// Waits for a permit, sends, and reports the outcome.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        guard let limiter = RequestLimiter.current else { return try await next(request, body, baseURL) }
        let permit = try await limiter.acquire()
        do {
            let (response, data) = try await next(request, body, baseURL)
            let status = response.status.code
            limiter.release(permit, outcome: status == 429 ? .rateLimited : status < 500 ? .succeeded : .neutral)
            return (response, data)
        } catch {
            limiter.release(permit, outcome: .neutral)
            throw error
        }
    }
}
