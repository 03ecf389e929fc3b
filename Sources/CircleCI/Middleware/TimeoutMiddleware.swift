import Foundation
import HTTPTypes

/// Fails a request that takes longer than a time limit, and cancels it.
///
/// It throws ``TransportError`` with kind ``TransportError/Kind/timedOut``.
/// The limit is measured in real time, whatever ``ClientClock`` the client uses.
public struct TimeoutMiddleware: ClientMiddleware {
    /// The longest one request may take, from sending to the end of the body.
    public let timeout: Duration

    /// Creates the middleware.
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Races the request against the time limit.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        try await withoutActuallyEscaping(next) { next in
            try await withTimeLimit(timeout, onTimeout: TransportError(.timedOut)) {
                try await next(request, body, baseURL)
            }
        }
    }
}

/// Runs `operation`, throwing `onTimeout` and cancelling it if it has not
/// finished after `limit` (real time).
func withTimeLimit<Result: Sendable>(
    _ limit: Duration,
    onTimeout: any Error,
    operation: @Sendable @escaping () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw onTimeout
        }
        defer { group.cancelAll() }
        guard let result = try await group.next() else { throw CancellationError() }
        return result
    }
}
