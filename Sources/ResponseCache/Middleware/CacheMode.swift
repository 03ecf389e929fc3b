/// How ``CachingMiddleware`` uses its cache.
public enum CacheMode: String, Sendable, Hashable, CaseIterable {
    /// Answer from fresh entries; store what comes back from the network.
    case normal
    /// Never answer from the cache: fetch everything and rewrite what is stored (`--refresh`).
    case refresh
    /// Pass every read straight through (`--no-cache`); a successful write still
    /// drops the entries it may have made stale.
    case off
}
