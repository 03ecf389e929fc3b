import Foundation
import HTTPTypes

/// Intercepts every request the client sends, like swift-openapi-runtime's `ClientMiddleware`.
///
/// A middleware may change the request, answer it itself (a cache), call
/// `next` several times (retries), or inspect the response (metrics, budgets).
/// ``CircleCIClient`` runs the caller's middlewares outermost, in array order,
/// then its own: ``RetryMiddleware``, ``RateLimitMiddleware``,
/// ``AuthenticationMiddleware``, ``RedirectMiddleware``,
/// ``ConcurrencyLimitMiddleware``, ``MetricsMiddleware`` and
/// ``TimeoutMiddleware``, and finally the ``ClientTransport``. The caller's
/// middlewares therefore see each logical request once, without credentials.
public protocol ClientMiddleware: Sendable {
    /// Handles one request.
    ///
    /// - Parameters:
    ///   - request: the method, path (with query) and header fields.
    ///   - body: the request body, if any.
    ///   - baseURL: the API root the path is relative to.
    ///   - operationID: the OpenAPI `operationId` or a descriptive name.
    ///   - next: the rest of the chain.
    /// - Returns: the response and its whole body.
    func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data)
}
