import Foundation
import HTTPTypes
import HTTPTypesFoundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A ``ClientTransport`` that makes real HTTP requests with `URLSession`.
///
/// - The session is ephemeral: no cookies, no cache, no credential storage.
/// - Redirects are never followed automatically (on Linux `URLSession` would
///   carry `Circle-Token` to any host); ``RedirectMiddleware`` follows them and
///   drops credentials when the origin changes.
/// - Cancelling the calling task cancels the request in flight.
/// - Failures are thrown as ``TransportError`` so retries can tell whether a
///   request may have been sent. Time limits are enforced by
///   ``TimeoutMiddleware``; `URLSession`'s own limit is only a backstop, because
///   on Linux it counts whole seconds.
public struct URLSessionTransport: ClientTransport {
    private let session: URLSession
    private let backstopTimeout: TimeInterval

    /// Creates a transport with its own ephemeral session.
    ///
    /// - Parameters:
    ///   - backstopTimeout: the idle time after which `URLSession` gives
    ///     up on its own; keep it above the client's request timeout.
    ///   - maximumConnectionsPerHost: the most connections `URLSession` opens
    ///     to one host; further requests queue inside `URLSession`. Its own
    ///     default is 6, below the usual ``RequestLimiter`` limit, so keep this
    ///     at or above the most requests a query may have in flight.
    public init(backstopTimeout: TimeInterval = 120, maximumConnectionsPerHost: Int = 64) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = backstopTimeout
        self.session = URLSession(configuration: configuration, delegate: RedirectRefusingDelegate(), delegateQueue: nil)
        self.backstopTimeout = backstopTimeout
    }

    /// Sends the request and returns the response with its whole body.
    public func send(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String
    ) async throws -> (HTTPResponse, Data) {
        guard let url = Self.url(for: request, baseURL: baseURL) else {
            throw TransportError(.requestNotSent, underlyingError: URLError(.badURL))
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = backstopTimeout
        for field in request.headerFields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName)
        }
        urlRequest.httpBody = body
        do {
            let (data, response) = try await exchange(urlRequest)
            guard let httpResponse = (response as? HTTPURLResponse)?.httpResponse else {
                throw TransportError(.other, underlyingError: URLError(.badServerResponse))
            }
            if let expected = Self.missingBytes(httpResponse, method: request.method, received: data.count) {
                throw TransportError(.connectionLost, underlyingError: BodyCutShort(expected: expected, received: data.count))
            }
            return (httpResponse, data)
        } catch let error as URLError {
            throw Self.classify(error)
        }
    }

    /// Runs one data task, cancelling it when the calling task is cancelled.
    ///
    /// `URLSession.data(for:)` on Linux cancels its task inside the Swift task's
    /// cancellation handler, which holds the task's status lock while it waits
    /// for the session's work queue; the work queue, completing the same request
    /// at that moment, waits for the status lock to resume it: a deadlock
    /// (swift-corelibs-foundation#5412). Time-outs cancel requests that may be
    /// completing, so here the cancellation handler only hands `cancel()` to
    /// another queue and returns.
    private func exchange(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let pending = PendingTask()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                if pending.start(task) {
                    task.resume()
                } else {
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            if let task = pending.cancel() {
                DispatchQueue.global().async { task.cancel() }
            }
        }
    }

    /// The absolute URL of a request: its own when it has a scheme and
    /// authority, otherwise `baseURL` followed by its path.
    static func url(for request: HTTPRequest, baseURL: URL) -> URL? {
        if request.scheme != nil, request.authority != nil {
            return request.url
        }
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let path = request.path ?? "/"
        return URL(string: base + (path.hasPrefix("/") ? path : "/" + path))
    }

    /// The `Content-Length` of a body that arrived shorter than announced, or
    /// `nil` when it is whole (or its length cannot be checked: a `HEAD`, a
    /// status without a body, an encoded body `URLSession` has decoded).
    static func missingBytes(_ response: HTTPResponse, method: HTTPRequest.Method, received: Int) -> Int? {
        guard method != .head, response.status.code != 204, response.status.code != 304,
            let text = response.headerFields[.contentLength], let expected = Int(text), expected > received
        else { return nil }
        let encoding = response.headerFields[.contentEncoding]?.lowercased() ?? "identity"
        return encoding == "identity" ? expected : nil
    }

    /// Classifies a `URLSession` failure.
    ///
    /// On Linux a body cut short of its `Content-Length` ("transfer closed with
    /// N bytes remaining to read", curl's partial-file error) surfaces as
    /// `URLError(.unknown)`; it is a lost connection, as a reset is.
    private static func classify(_ error: URLError) -> any Error {
        switch error.code {
        case .cancelled:
            return CancellationError()
        case .timedOut:
            return TransportError(.timedOut, underlyingError: error)
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .badURL, .unsupportedURL:
            return TransportError(.requestNotSent, underlyingError: error)
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource, .unknown:
            return TransportError(.connectionLost, underlyingError: error)
        default:
            return TransportError(.other, underlyingError: error)
        }
    }
}

/// The data task of one request, and whether its caller was cancelled first.
private final class PendingTask: Sendable {
    private let state = Mutex<(task: URLSessionDataTask?, cancelled: Bool)>((nil, false))

    /// Records `task`; false if the caller was already cancelled (do not start it).
    func start(_ task: URLSessionDataTask) -> Bool {
        state.withLock { state in
            guard !state.cancelled else { return false }
            state.task = task
            return true
        }
    }

    /// Marks the caller cancelled; returns the task to cancel, if it started.
    func cancel() -> URLSessionDataTask? {
        state.withLock { state in
            state.cancelled = true
            return state.task
        }
    }
}

/// A response body that ended before its `Content-Length`.
struct BodyCutShort: Error, CustomStringConvertible {
    let expected: Int
    let received: Int

    var description: String { "the body ended after \(received) of \(expected) bytes" }
}

/// Refuses every redirect so that the 3xx response reaches the client.
///
/// Only a session-level delegate sees redirects on Linux; a per-task delegate
/// is ignored.
private final class RedirectRefusingDelegate: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
