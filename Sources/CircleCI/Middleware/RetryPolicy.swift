import Foundation
import HTTPTypes

/// How the client retries failed requests.
///
/// - `429` is retried for any method (the rate limiter turned the request away
///   before it took effect) after `Retry-After` when the server sends it,
///   otherwise after exponential back-off with jitter.
/// - Every `5xx` but `501 Not Implemented` and `505 HTTP Version Not Supported`
///   (which describe the request, not a passing condition, so a retry gets the
///   same answer) is retried for idempotent methods (`GET`, `HEAD`) only:
///   `500`, `502`, `503`, `504` and the rest. A `Retry-After` on a 5xx is honoured.
/// - A lost connection (reset, or a body cut short of its `Content-Length`) and
///   a request that got no answer within the request time-out are retried for
///   idempotent methods only.
/// - A request that never left (connection refused) is retried for any method.
/// - Nothing else is: a `4xx` other than 429, a redirect, a `2xx` whose body
///   cannot be decoded.
///
/// A `Retry-After` (or rate-limit reset) longer than ``maxRetryAfter`` is not
/// waited for; the request fails at once and the error says when CircleCI asked
/// to come back.
public struct RetryPolicy: Sendable, Hashable {
    /// The most attempts per request, the first included; 1 disables retries.
    public var maxAttempts: Int
    /// The back-off before the first retry; it doubles on each further retry.
    public var baseDelay: Duration
    /// The longest back-off between two attempts.
    public var maxDelay: Duration
    /// The longest `Retry-After` or rate-limit reset honoured; a longer one
    /// fails at once with ``CircleCIError/Kind/rateLimited`` (or
    /// ``CircleCIError/Kind/serverError`` for a 5xx) and its ``CircleCIError/retryAfter``.
    public var maxRetryAfter: Duration
    /// The random share of each back-off, from 0 (none) to 1 (full jitter).
    public var jitter: Double

    /// Creates a policy.
    public init(
        maxAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(8),
        maxRetryAfter: Duration = .seconds(60),
        jitter: Double = 0.5
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = max(.zero, maxRetryAfter)
        self.jitter = min(max(jitter, 0), 1)
    }

    /// Four attempts, 0.5 s doubling to 8 s, half jitter, `Retry-After` up to 60 s.
    public static let `default` = RetryPolicy()

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The 5xx statuses never retried: they describe the request, so every attempt gets the same answer.
    public static let permanentServerErrors: Set<Int> = [501, 505]

    /// Whether a response with `status` is worth another attempt.
    public func retries(status: Int, idempotent: Bool) -> Bool {
        switch status {
        case 429: true
        case 500..<600: idempotent && !Self.permanentServerErrors.contains(status)
        default: false
        }
    }

    /// Whether sending a request with `method` twice has the effect of sending it once.
    public static func isIdempotent(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head
    }

    /// The back-off before retry number `retry` (1 for the first retry).
    public func backoff(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let full = min(baseDelay * (1 << exponent), maxDelay)
        guard jitter > 0 else { return full }
        let seconds = Self.seconds(full)
        return .seconds(seconds * (1 - jitter) + Double.random(in: 0...(seconds * jitter)))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
