import Foundation
import HTTPTypes

/// Counts every request that reaches the transport into a ``RequestMetrics``.
public struct MetricsMiddleware: ClientMiddleware {
    /// Where the counts go.
    public let metrics: RequestMetrics

    /// Creates the middleware.
    public init(metrics: RequestMetrics) {
        self.metrics = metrics
    }

    /// Counts the request, then its response or failure.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        metrics.recordRequest(operationID: operationID, bytesSent: body?.count ?? 0)
        defer { metrics.recordCompletion() }
        do {
            let (response, data) = try await next(request, body, baseURL)
            metrics.recordResponse(status: response.status.code, bytesReceived: data.count)
            return (response, data)
        } catch {
            if !(error is CancellationError) { metrics.recordFailure() }
            throw error
        }
    }
}
