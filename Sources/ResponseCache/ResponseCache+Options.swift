import Foundation

extension ResponseCache {
    /// The limits and clock of a ``ResponseCache``.
    public struct Options: Sendable {
        /// The most response-body bytes kept; past it the least recently used go
        /// first. Default 200 MB.
        public var sizeLimit: Int
        /// How long to wait for another process's write before giving up on the
        /// cache for this run. Default 2 s.
        public var busyTimeout: Duration
        /// The clock that decides expiry and recency; tests inject one they move.
        public var now: @Sendable () -> Date

        /// Creates options.
        public init(
            sizeLimit: Int = 200_000_000, busyTimeout: Duration = .seconds(2),
            now: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.sizeLimit = sizeLimit
            self.busyTimeout = busyTimeout
            self.now = now
        }
    }
}
