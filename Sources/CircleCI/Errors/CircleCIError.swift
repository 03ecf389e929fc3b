import Foundation

/// An error from the CircleCI client, with the context needed to act on it.
///
/// Every failure the client reports is a `CircleCIError`: HTTP errors, transport
/// failures, time-outs, cancellation, malformed responses and bad arguments.
/// Test the ``kind`` (`error.kind == .notFound`); new kinds may be added
/// without breaking callers. The token never appears in any field: the client
/// redacts every error it throws with its configuration's
/// ``CircleCIConfiguration/redactor``, whatever the text came from (a server
/// body echoing the token, a URL, an underlying error).
public struct CircleCIError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public let kind: Kind
    /// The OpenAPI `operationId` (or a descriptive name) of the request, if one was made.
    public let operationID: String?
    /// The HTTP method of the request.
    public let method: String?
    /// The request path relative to the API root, with its query; presigned URLs lose their query.
    public let path: String?
    /// The HTTP status of the response, if one arrived.
    public let status: Int?
    /// The message CircleCI sent (`{"message": …}`, `{"error": …}` or plain text), trimmed and shortened.
    public let serverMessage: String?
    /// What the request was about, e.g. `project gh/acme/api`.
    public let subject: String?
    /// The client's own explanation, e.g. which field failed to decode.
    public let detail: String?
    /// How long CircleCI asked to wait before retrying (`Retry-After`), for rate-limit and 5xx errors.
    public let retryAfter: Duration?
    /// How many times the request was sent (the first attempt included), when
    /// the client knows; more than 1 means it was retried.
    public let attempts: Int?
    /// The error that caused this one (a `URLError`, a `DecodingError`, …).
    public let underlyingError: (any Error)?

    /// Creates an error; the client builds these, and middleware may too.
    public init(
        kind: Kind,
        operationID: String? = nil,
        method: String? = nil,
        path: String? = nil,
        status: Int? = nil,
        serverMessage: String? = nil,
        subject: String? = nil,
        detail: String? = nil,
        retryAfter: Duration? = nil,
        attempts: Int? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.kind = kind
        self.operationID = operationID
        self.method = method
        self.path = path
        self.status = status
        self.serverMessage = serverMessage
        self.subject = subject
        self.detail = detail
        self.retryAfter = retryAfter
        self.attempts = attempts
        self.underlyingError = underlyingError
    }

    /// An invalid configuration, e.g. a plain `http://` host that is not loopback.
    static func invalidConfiguration(_ detail: String) -> CircleCIError {
        CircleCIError(kind: .invalidConfiguration, detail: detail)
    }

    /// An invalid argument, e.g. a malformed slug or ID.
    static func invalidArgument(_ detail: String, operationID: String? = nil) -> CircleCIError {
        CircleCIError(kind: .invalidArgument, operationID: operationID, detail: detail)
    }
}

extension CircleCIError {
    /// The broad category of a ``CircleCIError``.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable, Hashable {
            case invalidConfiguration = "invalid configuration"
            case invalidArgument = "invalid argument"
            case unauthorized
            case forbidden
            case notFound = "not found"
            case rateLimited = "rate limited"
            case badRequest = "bad request"
            case serverError = "server error"
            case transport
            case timeout
            case cancelled
            case invalidResponse = "invalid response"
            case redirectRefused = "redirect refused"
        }

        private let code: Code

        private init(_ code: Code) {
            self.code = code
        }

        /// The configuration cannot work (bad host, plain HTTP to a remote host).
        public static let invalidConfiguration = Kind(.invalidConfiguration)
        /// An argument is malformed (slug, UUID, date range, a path the generic GET refuses).
        public static let invalidArgument = Kind(.invalidArgument)
        /// HTTP 401: the token is missing, invalid or of an old format.
        public static let unauthorized = Kind(.unauthorized)
        /// HTTP 403: the token may not do this.
        public static let forbidden = Kind(.forbidden)
        /// HTTP 404: the resource does not exist, or the token cannot see it.
        public static let notFound = Kind(.notFound)
        /// HTTP 429 after the retries allowed by the ``RetryPolicy``.
        public static let rateLimited = Kind(.rateLimited)
        /// Another 4xx status, e.g. 400 for a rejected parameter.
        public static let badRequest = Kind(.badRequest)
        /// A 5xx status after the retries allowed by the ``RetryPolicy``.
        public static let serverError = Kind(.serverError)
        /// The request did not complete: connection refused, reset, DNS failure.
        public static let transport = Kind(.transport)
        /// A request or the whole call ran out of time.
        public static let timeout = Kind(.timeout)
        /// The calling task was cancelled.
        public static let cancelled = Kind(.cancelled)
        /// The response could not be used: malformed, truncated, HTML, empty, or of the wrong shape.
        public static let invalidResponse = Kind(.invalidResponse)
        /// The request was redirected to another host, which refused it (401 or
        /// 403): the client never sends credentials across hosts, so the token
        /// itself was not at fault.
        public static let redirectRefused = Kind(.redirectRefused)

        /// A short lowercase name, e.g. `not found`.
        public var description: String { code.rawValue }
    }
}
