import Foundation
import HTTPTypes

/// Sends one HTTP request and returns the response with its whole body.
///
/// The client talks to CircleCI only through this protocol. Production uses
/// ``URLSessionTransport``; tests and `cq --demo` plug in the simulator's
/// in-process transport, which answers from the same routing code as its
/// loopback server.
///
/// `request.path` is relative to `baseURL` and carries the query string
/// (`/project/gh/acme/api/pipeline?branch=main`). A request whose `scheme` and
/// `authority` are set is absolute and `baseURL` is ignored; the client uses that
/// for presigned URLs on other hosts, to which it never attaches credentials.
public protocol ClientTransport: Sendable {
    /// Sends `request` with an optional `body`.
    ///
    /// - Parameters:
    ///   - request: the method, path (with query) and header fields.
    ///   - body: the request body, for `POST`, `PUT` and `PATCH`.
    ///   - baseURL: the API root, e.g. `https://circleci.com/api/v2`.
    ///   - operationID: the OpenAPI `operationId` (or a descriptive name), for
    ///     errors, logs and the simulator's request log.
    /// - Returns: the response head and its complete body.
    /// - Throws: on a transport failure (connection refused, reset, timeout) or
    ///   cancellation; an HTTP error status is a normal response, not a throw.
    ///   Throw ``TransportError`` so that retries can tell whether the request
    ///   may have reached the server, and `CancellationError` on cancellation.
    func send(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String
    ) async throws -> (HTTPResponse, Data)
}
