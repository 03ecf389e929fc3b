import Foundation

/// Something that goes wrong with a response, for testing clients.
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

    /// Matches requests that meet every given criterion.
    public init(pathContains: String? = nil, operationID: String? = nil, method: String? = nil,
                host: SimulatorHost? = nil) {
        self.pathContains = pathContains
        self.operationID = operationID
        self.method = method?.uppercased()
        self.host = host
    }

    /// Every request.
    public static let any = FaultMatcher()

    /// Requests whose path contains `fragment`, e.g. `"/pipeline"`.
    public static func path(contains fragment: String) -> FaultMatcher { FaultMatcher(pathContains: fragment) }

    /// Requests routed to the OpenAPI operation `id`, e.g. `"listWorkflowJobs"`.
    public static func operation(_ id: String) -> FaultMatcher { FaultMatcher(operationID: id) }

    func matches(host: SimulatorHost, method: String, path: String, operationID: String) -> Bool {
        (pathContains.map { path.contains($0) } ?? true)
            && (self.operationID.map { $0 == operationID } ?? true)
            && (self.method.map { $0 == method } ?? true)
            && (self.host.map { $0 == host } ?? true)
    }
}
