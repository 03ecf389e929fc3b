import Foundation
import HTTPTypes

extension CircleCIError {
    /// An error for a non-2xx response.
    ///
    /// When the response asked to come back later (`Retry-After` on a 429 or a
    /// 5xx) than `policy` allows waiting, the detail says when.
    init(response: HTTPResponse, body: Data, request: APIRequest, now: Date, policy: RetryPolicy = .default) {
        let status = response.status.code
        let kind: Kind
        var detail: String?
        switch status {
        case 300..<400:
            kind = .invalidResponse
            detail = "\(request.operationID): redirect (HTTP \(status)) not followed"
        case 401: kind = .unauthorized
        case 403: kind = .forbidden
        case 404: kind = .notFound
        case 429: kind = .rateLimited
        case 400..<500: kind = .badRequest
        case 500..<600: kind = .serverError
        default:
            kind = .invalidResponse
            detail = "\(request.operationID): unexpected HTTP status \(status)"
        }
        var retryAfter: Duration?
        if status == 429 || (500..<600).contains(status) {
            retryAfter = RateLimitHeaders.retryAfter(response, now: now)
            if let wait = retryAfter, wait > policy.maxRetryAfter,
                policy.retries(status: status, idempotent: RetryPolicy.isIdempotent(request.method))
            {
                detail = Self.comeBackLater(wait, now: now, limit: policy.maxRetryAfter)
            }
        }
        self.init(
            kind: kind, operationID: request.operationID, method: request.method.rawValue, path: request.displayPath,
            status: status, serverMessage: ServerMessage.extract(from: body), subject: request.subject, detail: detail,
            retryAfter: retryAfter)
    }

    /// Says when CircleCI asked to come back, and that it is too far off to wait for.
    static func comeBackLater(_ wait: Duration, now: Date, limit: Duration) -> String {
        let at = now.addingTimeInterval(RetryPolicy.seconds(wait).rounded(.up))
        return "CircleCI asked to come back in \(format(wait)) (at \(at.formatted(.iso8601))), "
            + "longer than the longest wait allowed (\(format(limit)))"
    }

    /// An error for a failure without a usable response.
    init(wrapping error: any Error, request: APIRequest, requestTimeout: Duration) {
        if let error = error as? CircleCIError {
            self = error.adding(request)
            return
        }
        let kind: Kind
        let detail: String
        switch error {
        case is CancellationError:
            (kind, detail) = (.cancelled, "cancelled")
        case let error as TransportError where error.kind == .timedOut:
            (kind, detail) = (.timeout, "no response within \(Self.format(requestTimeout))")
        case let error as TransportError:
            (kind, detail) = (.transport, error.description)
        default:
            (kind, detail) = (.transport, String(describing: error))
        }
        self.init(
            kind: kind, operationID: request.operationID, method: request.method.rawValue, path: request.displayPath,
            subject: request.subject, detail: detail, underlyingError: error)
    }

    /// This error with the request's context filled in where it is missing.
    private func adding(_ request: APIRequest) -> CircleCIError {
        CircleCIError(
            kind: kind, operationID: operationID ?? request.operationID, method: method ?? request.method.rawValue,
            path: path ?? request.displayPath, status: status, serverMessage: serverMessage,
            subject: subject ?? request.subject, detail: detail, retryAfter: retryAfter, attempts: attempts,
            underlyingError: underlyingError)
    }
}
