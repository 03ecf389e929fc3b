import CircleCI
import Foundation
import HTTPTypes

/// A ``ClientMiddleware`` that answers `GET` requests from a ``ResponseCache``.
///
/// Pass it in a client's `middlewares:`; it runs outermost, so it sees each
/// logical request once, without the token, and a hit never reaches retries,
/// rate limits or the network. What a response may be kept for is decided
/// from its decoded status:
///
/// - **until evicted**: the jobs of a finished workflow, a finished job's details
///   (v2, and the v1.1 steps until their presigned output URLs expire), a
///   finished workflow, the workflows of a pipeline that have all finished, a
///   pipeline's config, and anything read while the caller says the entity is
///   finished (``CacheHint/settled``: tests, artifacts, step output of a finished job);
/// - **for ``timeToLive``**: everything else, lists and running things alike.
///
/// Never stored: non-`GET` requests, non-2xx responses, environment variables,
/// contexts and checkout keys (any path with `/envvar`, `/context` or `/checkout-key`), request
/// headers and, of course, the token. A successful write drops this identity's
/// entries it may have made stale: every expiring entry and every list of a
/// pipeline's workflows (a rerun adds one).
public struct CachingMiddleware: ClientMiddleware {
    /// The store.
    public let cache: ResponseCache
    /// Whose entries this client reads and writes.
    public let identity: CacheIdentity
    /// Normal, refresh or off.
    public let mode: CacheMode
    /// How long a response that may still change is served. Default 60 s.
    public let timeToLive: Duration
    private let metrics: RequestMetrics?

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - cache: the store, shared by every client that uses the same directory.
    ///   - identity: the client's host and token fingerprint.
    ///   - mode: ``CacheMode/normal`` unless the user asked otherwise.
    ///   - timeToLive: how long lists and running things are served; zero or less stores none of them.
    ///   - metrics: the client's metrics, where hits are counted (``RequestMetrics/recordCacheHit(operationID:)``).
    public init(
        cache: ResponseCache, identity: CacheIdentity, mode: CacheMode = .normal, timeToLive: Duration = .seconds(60),
        metrics: RequestMetrics? = nil
    ) {
        self.cache = cache
        self.identity = identity
        self.mode = mode
        self.timeToLive = timeToLive
        self.metrics = metrics
    }

    /// Answers from the cache, or sends the request and stores what may be kept.
    public func intercept(
        _ request: HTTPRequest,
        body: Data?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, Data?, URL) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        guard request.method == .get else {
            let result = try await next(request, body, baseURL)
            if result.0.status.kind == .successful, request.method != .head {
                await cache.invalidate(identity: identity)
            }
            return result
        }
        guard mode != .off, RetentionPolicy.mayStore(operationID: operationID, path: request.path ?? ""),
            let key = CacheKey(identity: identity, request: request, baseURL: baseURL)
        else { return try await next(request, body, baseURL) }

        if mode == .normal, let stored = try await cache.response(for: key) {
            metrics?.recordCacheHit(operationID: operationID)
            return (Self.response(stored), stored.body)
        }
        let (response, data) = try await next(request, body, baseURL)
        if response.status.kind == .successful {
            await keep(response, data, key: key, operationID: operationID)
        }
        return (response, data)
    }

    /// Stores a 2xx response for as long as its retention allows.
    private func keep(_ response: HTTPResponse, _ data: Data, key: CacheKey, operationID: String) async {
        let now = cache.options.now()
        let expiresAt: Date?
        switch RetentionPolicy.retention(operationID: operationID, body: data, hint: CacheHint.current, now: now) {
        case .settled:
            expiresAt = nil
        case .until(let date):
            expiresAt = date
        case .expiring where timeToLive > .zero:
            expiresAt = now.addingTimeInterval(timeToLive.timeInterval)
        case .expiring, nil:
            return
        }
        let stored = StoredResponse(
            status: response.status.code, contentType: response.headerFields[.contentType], body: data)
        await cache.store(stored, key: key, identity: identity, operationID: operationID, expiresAt: expiresAt)
    }

    private static func response(_ stored: StoredResponse) -> HTTPResponse {
        var response = HTTPResponse(status: .init(code: stored.status))
        if let contentType = stored.contentType { response.headerFields[.contentType] = contentType }
        return response
    }
}
