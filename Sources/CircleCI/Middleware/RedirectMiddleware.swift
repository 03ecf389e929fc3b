import Foundation
import HTTPTypes

/// Follows HTTP redirects, dropping credentials whenever the origin changes.
///
/// `301`, `302` and `303` turn a non-`GET` request into a body-less `GET`;
/// `307` and `308` keep the method and body. After ``maxRedirects`` hops the
/// last 3xx response is returned as is.
///
/// When a redirect left the request's origin and the other host then answers
/// 401 or 403, it throws ``CircleCIError`` of kind
/// ``CircleCIError/Kind/redirectRefused`` naming that host: the token was never
/// sent there, so it is not the token that was refused.
public struct RedirectMiddleware: ClientMiddleware {
    /// Header fields removed when a redirect leaves the request's origin.
    public static let credentialFields: [HTTPField.Name] = [
        AuthenticationMiddleware.tokenField, .authorization, .cookie, .proxyAuthorization,
    ]

    /// The most redirects followed for one request.
    public let maxRedirects: Int

    /// Creates the middleware.
    public init(maxRedirects: Int = 5) {
        self.maxRedirects = maxRedirects
    }

    /// Sends the request and follows the redirects of its response.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        var request = request
        var body = body
        var result = try await next(request, body, baseURL)
        var crossedOrigins = false
        var redirectedTo: URL?
        for _ in 0..<maxRedirects {
            let (response, _) = result
            guard [301, 302, 303, 307, 308].contains(response.status.code),
                let location = response.headerFields[.location],
                let current = URLSessionTransport.url(for: request, baseURL: baseURL),
                let target = URL(string: location, relativeTo: current)?.absoluteURL,
                let scheme = target.scheme?.lowercased(), scheme == "https" || scheme == "http"
            else { break }
            var followed = HTTPRequest(url: target)
            followed.method = request.method
            followed.headerFields = request.headerFields
            if Origin(target) != Origin(current) {
                for name in Self.credentialFields { followed.headerFields[name] = nil }
                crossedOrigins = true
            }
            if response.status.code == 303 || (response.status.code <= 302 && request.method != .get) {
                followed.method = .get
                followed.headerFields[.contentType] = nil
                body = nil
            }
            request = followed
            redirectedTo = crossedOrigins ? target : nil
            result = try await next(request, body, baseURL)
        }
        let status = result.0.status.code
        if let target = redirectedTo, status == 401 || status == 403 {
            throw Self.refusal(by: target, status: status, body: result.1)
        }
        return result
    }

    /// The error for a redirect target that refused the request.
    private static func refusal(by target: URL, status: Int, body: Data) -> CircleCIError {
        let host = target.host.map { name in target.port.map { "\(name):\($0)" } ?? name } ?? target.absoluteString
        return CircleCIError(
            kind: .redirectRefused, status: status, serverMessage: ServerMessage.extract(from: body),
            detail: "the request was redirected to \(host), which refused it without credentials (HTTP \(status)); "
                + "the token is only ever sent to the configured CircleCI host")
    }
}
