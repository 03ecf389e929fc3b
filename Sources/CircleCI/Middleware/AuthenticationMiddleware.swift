import Foundation
import HTTPTypes

/// Adds `Circle-Token` to requests bound for the configured CircleCI host, and
/// to no other.
///
/// Only relative requests (a path below the API root) receive the token.
/// Absolute requests, such as presigned step-output URLs, never do, and
/// ``RedirectMiddleware`` drops it when a redirect changes origin. A plain-HTTP
/// host that is not loopback never receives it either. The token is never printed: ``description`` and
/// reflection redact it.
public struct AuthenticationMiddleware: ClientMiddleware, CustomStringConvertible, CustomReflectable {
    /// The header CircleCI reads a personal API token from.
    public static let tokenField = HTTPField.Name("Circle-Token")!

    private let token: String
    private let origin: Origin?

    /// Creates the middleware for a token and the host it belongs to.
    public init(token: String, host: URL) {
        self.token = token
        self.origin = Origin(host)
    }

    /// Adds the token when the request is relative to the configured host.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        var request = request
        if request.scheme == nil, request.authority == nil, let origin, Origin(baseURL) == origin,
            CircleCIConfiguration.isSecure(scheme: origin.scheme, host: origin.host)
        {
            request.headerFields[Self.tokenField] = token
        }
        return try await next(request, body, baseURL)
    }

    /// Names the host, never the token.
    public var description: String {
        "AuthenticationMiddleware(host: \(origin?.host ?? "none"), token: <redacted>)"
    }

    /// A mirror without the token.
    public var customMirror: Mirror {
        Mirror(self, children: ["host": origin?.host ?? "none", "token": "<redacted>"])
    }
}
