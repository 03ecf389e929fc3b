import Foundation

/// Something that goes wrong with a response, for testing clients.
///
/// Every fault behaves the same on both transports, except where a connection
/// is cut: the in-process transport has no connection, so a body cut short and
/// a reset are thrown as `TransportError(.connectionLost)` over
/// `URLError(.networkConnectionLost)`, which is what the client's HTTP
/// transport reports for them.
public enum SimulatorFault: Sendable, Hashable {
    /// How a 429 body looks: CircleCI sends all three.
    public enum RateLimitBody: Sendable, Hashable {
        /// `{"message":"Rate limit exceeded."}`
        case json
        /// `Rate limited.` as `text/plain`.
        case plainText
        /// `{}`
        case emptyObject
    }

    /// A 429 with `Retry-After: <seconds>` and `RateLimit-*` headers.
    case rateLimited(retryAfter: Int = 1, body: RateLimitBody = .json)
    /// A 429 whose `Retry-After` is an HTTP date (`Wed, 20 Nov 2026 13:00:00 GMT`),
    /// with `RateLimit-*` headers counting down to it from the real clock.
    case rateLimitedUntil(Date, body: RateLimitBody = .json)
    /// A 5xx (502, 503, 504, …) with `{"message":"Internal server error."}`-style body.
    case serverError(status: Int = 503)
    /// An HTML error page, as a load balancer in front of the API sends.
    case htmlErrorPage(status: Int = 502)
    /// The real response, but its body cut to `keepingBytes` (default: half),
    /// with a matching `Content-Length`: the client sees invalid JSON.
    case truncatedBody(keepingBytes: Int? = nil)
    /// The real response, whose body takes `duration` to arrive (headers first).
    case slowBody(Duration)
    /// The real response after an extra delay.
    case delay(Duration)
    /// The real status and headers, announcing the whole body's
    /// `Content-Length`, then only `keepingBytes` (default: half) of the body
    /// before the connection closes.
    case cutShortBody(keepingBytes: Int? = nil)
    /// The real status and headers, then `afterBytes` (default: half) of the
    /// body, then a connection reset (TCP RST).
    case connectionReset(afterBytes: Int? = nil)
    /// The request is accepted and never answered: the connection stays open
    /// until the client gives up (or the server stops). In-process, the send
    /// waits until its task is cancelled.
    case noResponse
    /// A `status` error whose `{"message"}` echoes the token the request
    /// presented (`Circle-Token`, Bearer or Basic), as a careless server might:
    /// `token <token> is not valid`.
    case echoToken(status: Int = 401)
    /// A redirect (`status`: 301, 302, 303, 307 or 308) to the same path and
    /// query on the simulator's other host. That host serves the API paths too,
    /// but only to requests that present the token: a client that (rightly)
    /// drops the token on a cross-host redirect gets a 401 there.
    case crossHostRedirect(status: Int = 307)
}

/// Which requests a fault applies to. Every set criterion must match.
public struct FaultMatcher: Sendable, Hashable {
    /// A substring of the request path (percent-encoded, without the query).
    public var pathContains: String?
    /// The OpenAPI operation id the request routes to (`"unknown"` for no route).
    public var operationID: String?
    /// The HTTP method, uppercase.
    public var method: String?
    /// The host the request reached.
    public var host: SimulatorHost?
    /// The page of a list the request asks for: 1 without a `page-token`, N
    /// for the token that page N-1 returned.
    public var page: Int?

    /// Matches requests that meet every given criterion.
    public init(pathContains: String? = nil, operationID: String? = nil, method: String? = nil,
                host: SimulatorHost? = nil, page: Int? = nil) {
        self.pathContains = pathContains
        self.operationID = operationID
        self.method = method?.uppercased()
        self.host = host
        self.page = page
    }

    /// Every request.
    public static let any = FaultMatcher()

    /// Requests whose path contains `fragment`, e.g. `"/pipeline"`.
    public static func path(contains fragment: String) -> FaultMatcher { FaultMatcher(pathContains: fragment) }

    /// Requests routed to the OpenAPI operation `id`, e.g. `"listWorkflowJobs"`.
    public static func operation(_ id: String) -> FaultMatcher { FaultMatcher(operationID: id) }

    /// Requests for page `number` of the list `operationID` (e.g. `"listPipelinesForProject"`).
    public static func page(_ number: Int, of operationID: String) -> FaultMatcher {
        FaultMatcher(operationID: operationID, page: number)
    }

    func matches(_ request: FaultTarget) -> Bool {
        (pathContains.map { request.path.contains($0) } ?? true)
            && (operationID.map { $0 == request.operationID } ?? true)
            && (method.map { $0 == request.method } ?? true)
            && (host.map { $0 == request.host } ?? true)
            && (page.map { $0 == request.page } ?? true)
    }
}

/// What a ``FaultMatcher`` looks at in a request.
struct FaultTarget: Sendable {
    let host: SimulatorHost
    let method: String
    let path: String
    let operationID: String
    let page: Int
}
