/// Counters the host keeps for the progress line and `:time`.
///
/// All values are cumulative since the host was created; the REPL subtracts a
/// snapshot taken before each evaluation.
public struct REPLMetrics: Sendable, Hashable {
    /// HTTP requests that have finished (successfully or not).
    public var requestsCompleted: Int
    /// HTTP requests currently in flight (not cumulative).
    public var requestsInFlight: Int
    /// Lookups answered from a cache instead of the network.
    public var cacheHits: Int

    /// Creates a snapshot.
    public init(requestsCompleted: Int = 0, requestsInFlight: Int = 0, cacheHits: Int = 0) {
        self.requestsCompleted = requestsCompleted
        self.requestsInFlight = requestsInFlight
        self.cacheHits = cacheHits
    }

    /// All zero.
    public static let zero = REPLMetrics()

    /// The work done since `baseline`; `requestsInFlight` is the current value.
    public func since(_ baseline: REPLMetrics) -> REPLMetrics {
        REPLMetrics(
            requestsCompleted: max(0, requestsCompleted - baseline.requestsCompleted),
            requestsInFlight: requestsInFlight,
            cacheHits: max(0, cacheHits - baseline.cacheHits)
        )
    }
}
