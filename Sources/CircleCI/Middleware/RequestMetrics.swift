import Foundation
import Synchronization

/// Counts what the client sent and received; safe to read from any task.
///
/// The query language reports HTTP requests as the cost of a query; read
/// ``snapshot`` before and after to measure one. Copies of a
/// ``CircleCIClient`` share their metrics.
public final class RequestMetrics: Sendable {
    /// Counter values at one moment.
    public struct Snapshot: Sendable, Hashable {
        /// HTTP requests handed to the transport, retries and redirects included.
        public var requests = 0
        /// Requests that were retries of an earlier attempt.
        public var retries = 0
        /// Requests that failed without a response (refused, reset, timed out).
        public var failures = 0
        /// Responses with status 429.
        public var rateLimited = 0
        /// Request body bytes sent.
        public var bytesSent = 0
        /// Response body bytes received.
        public var bytesReceived = 0
        /// Time spent waiting before retries and for rate limits.
        public var waited: Duration = .zero
        /// Requests per operation ID.
        public var requestsByOperation: [String: Int] = [:]
        /// Requests sent whose response has not arrived yet.
        public var inFlight = 0
        /// The most requests that were in flight at once since the last
        /// ``RequestMetrics/resetPeakInFlight()`` (or ``RequestMetrics/reset()``).
        public var peakInFlight = 0
        /// Pages of paginated lists read, from the network or a cache.
        public var pages = 0
        /// Requests a cache answered without reaching the network.
        public var cacheHits = 0
        /// Cache hits per operation ID.
        public var cacheHitsByOperation: [String: Int] = [:]

        /// Creates an all-zero snapshot.
        public init() {}
    }

    private let state = Mutex(Snapshot())

    /// Creates zeroed metrics.
    public init() {}

    /// The current counter values.
    public var snapshot: Snapshot {
        state.withLock { $0 }
    }

    /// Sets every counter back to zero.
    public func reset() {
        state.withLock { $0 = Snapshot() }
    }

    /// Starts a new peak: ``Snapshot/peakInFlight`` becomes the number in flight now.
    ///
    /// Read ``snapshot`` before and after a query and call this before it, to
    /// know the query's own peak.
    public func resetPeakInFlight() {
        state.withLock { $0.peakInFlight = $0.inFlight }
    }

    /// Counts a request a cache answered (a ``ClientMiddleware`` that caches calls this).
    public func recordCacheHit(operationID: String) {
        state.withLock {
            $0.cacheHits += 1
            $0.cacheHitsByOperation[operationID, default: 0] += 1
        }
    }

    func recordRequest(operationID: String, bytesSent: Int) {
        state.withLock {
            $0.requests += 1
            $0.inFlight += 1
            $0.peakInFlight = max($0.peakInFlight, $0.inFlight)
            $0.bytesSent += bytesSent
            $0.requestsByOperation[operationID, default: 0] += 1
        }
    }

    func recordResponse(status: Int, bytesReceived: Int) {
        state.withLock {
            $0.bytesReceived += bytesReceived
            if status == 429 { $0.rateLimited += 1 }
        }
    }

    func recordCompletion() {
        state.withLock { $0.inFlight -= 1 }
    }

    func recordPage() {
        state.withLock { $0.pages += 1 }
    }

    func recordFailure() {
        state.withLock { $0.failures += 1 }
    }

    func recordRetry() {
        state.withLock { $0.retries += 1 }
    }

    func recordWait(_ duration: Duration) {
        state.withLock { $0.waited += duration }
    }
}
